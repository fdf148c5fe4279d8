package com.hirepilot.app.workspace;

/**
 * How an agency presents itself to its clients, in the portal and in every email to them. A client
 * trusts a page or a message because it carries the name of the agency they work with.
 *
 * @param name the workspace's name
 * @param colour the accent colour, a CSS hex colour
 * @param themePath the agency's stylesheet on this site ({@code /brand/{id}/theme.css?v=…}), or
 *     null when the agency is not known
 * @param logoPath the agency's logo on this site ({@code /brand/{id}/logo?v=…}), or null without
 *     one
 * @param logoUrl the same logo as an absolute link on {@code portal.base-url}, for emails
 */
public record AgencyBrand(
    String name, String colour, String themePath, String logoPath, String logoUrl) {

  /** The accent colour of an agency that has not chosen one. */
  public static final String DEFAULT_COLOUR = "#2f5bea";

  /** What a page shows when the agency is not known (the sign-in pages before a link is read). */
  public static final AgencyBrand UNKNOWN = new AgencyBrand("Candidate portal", DEFAULT_COLOUR);

  /** A brand with no stylesheet or logo of its own. */
  public AgencyBrand(String name, String colour) {
    this(name, colour, null, null, null);
  }

  /** The same brand with another colour (and the same links). */
  public AgencyBrand withColour(String otherColour) {
    return new AgencyBrand(name, otherColour, themePath, logoPath, logoUrl);
  }

  /** Text on the accent colour (a button's label): {@code #fff} or {@code #000}. */
  public String contrast() {
    return BrandColour.contrastOf(colour);
  }

  /** The accent for text on white, or the ink colour when the accent is too light to read. */
  public String textColour() {
    return BrandColour.textOnWhite(colour);
  }
}
