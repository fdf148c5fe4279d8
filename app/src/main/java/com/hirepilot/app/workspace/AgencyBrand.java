package com.hirepilot.app.workspace;

/**
 * How an agency presents itself to its clients, in the portal and in every email to them. A client
 * trusts a page or a message because it carries the name of the agency they work with.
 *
 * @param name the workspace's name
 * @param colour the accent colour (a CSS hex colour); the default until the console can set one
 */
public record AgencyBrand(String name, String colour) {

  /** The accent colour of an agency that has not chosen one. */
  public static final String DEFAULT_COLOUR = "#2f5bea";

  /** What a page shows when the agency is not known (the sign-in pages before a link is read). */
  public static final AgencyBrand UNKNOWN = new AgencyBrand("Candidate portal", DEFAULT_COLOUR);
}
