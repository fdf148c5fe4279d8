package com.hirepilot.app.workspace;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads an agency's brand: one statement, for the pages and emails that carry it. */
@Service
public class AgencyBrands {

  private final JdbcClient jdbc;

  AgencyBrands(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The workspace's brand, or {@link AgencyBrand#UNKNOWN} for a workspace that is gone. */
  public AgencyBrand of(String workspaceId) {
    return jdbc.sql("select name from workspace where id = ?")
        .param(workspaceId)
        .query(String.class)
        .optional()
        .map(name -> new AgencyBrand(name, AgencyBrand.DEFAULT_COLOUR))
        .orElse(AgencyBrand.UNKNOWN);
  }
}
