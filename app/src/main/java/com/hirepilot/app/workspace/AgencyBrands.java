package com.hirepilot.app.workspace;

import com.hirepilot.app.system.PortalProperties;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/** Reads an agency's brand: one statement, for the pages and emails that carry it. */
@Service
public class AgencyBrands {

  private final JdbcClient jdbc;
  private final PortalProperties properties;

  AgencyBrands(JdbcClient jdbc, PortalProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** The workspace's brand, or {@link AgencyBrand#UNKNOWN} for a workspace that is gone. */
  public AgencyBrand of(String workspaceId) {
    return find(workspaceId).orElse(AgencyBrand.UNKNOWN);
  }

  /** The workspace's brand, with the links to its stylesheet and logo; empty when it is gone. */
  public Optional<AgencyBrand> find(String workspaceId) {
    if (workspaceId == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select w.name, w.brand_colour, l.digest from workspace w
              left join workspace_logo l on l.workspace_id = w.id
             where w.id = ?
            """)
        .param(workspaceId)
        .query(
            (rs, n) -> {
              String stored = rs.getString("brand_colour");
              // Validated when written; checked again because it goes into CSS unescaped.
              String colour =
                  stored != null && BrandColour.isSafe(stored)
                      ? stored
                      : AgencyBrand.DEFAULT_COLOUR;
              String base = "/brand/" + UriUtils.encodePathSegment(workspaceId, "UTF-8");
              // Each URL carries a version that changes with what it serves, so both may be
              // cached for good: a new colour or logo is a new URL.
              String themePath = base + "/theme.css?v=" + colour.substring(1);
              String digest = rs.getString("digest");
              String logoPath = digest == null ? null : base + "/logo?v=" + logoVersion(digest);
              return new AgencyBrand(
                  rs.getString("name"),
                  colour,
                  themePath,
                  logoPath,
                  logoPath == null ? null : properties.link(logoPath));
            })
        .optional();
  }

  /** The version in the logo's URL: the start of its bytes' SHA-256, enough to tell logos apart. */
  static String logoVersion(String digest) {
    return digest.substring(0, 16);
  }
}
