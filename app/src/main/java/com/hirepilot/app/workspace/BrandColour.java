package com.hirepilot.app.workspace;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An agency's accent colour, and the text colours that stay readable with it. The colour ends up in
 * a stylesheet and in the style attributes of emails, where escaping does not stop a stray {@code
 * ;} or {@code url(...)}: only a plain {@code #rrggbb} is ever let through.
 */
public final class BrandColour {

  private static final Pattern RRGGBB = Pattern.compile("#[0-9a-fA-F]{6}");
  private static final Pattern RGB = Pattern.compile("#[0-9a-fA-F]{3}");

  /** WCAG 2's minimum contrast for body text (success criterion 1.4.3, level AA). */
  static final double READABLE = 4.5;

  /** The portal's ink colour, for an accent too light to be text on white. */
  static final String INK = "#1b2230";

  private BrandColour() {}

  /**
   * @return the colour in lower case, as it is stored
   * @throws IllegalArgumentException when it is not a {@code #RRGGBB} colour
   */
  static String parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (!RRGGBB.matcher(trimmed).matches()) {
      throw new IllegalArgumentException("a colour is written #RRGGBB, for example #2f5bea");
    }
    return trimmed.toLowerCase(Locale.ROOT);
  }

  /** Whether this is a colour a stylesheet or a style attribute may carry as it is. */
  public static boolean isSafe(String colour) {
    return colour != null && (RRGGBB.matcher(colour).matches() || RGB.matcher(colour).matches());
  }

  /**
   * The text colour for text on the accent (a button's label): white or black, whichever contrasts
   * more with it by WCAG's relative luminance.
   */
  public static String contrastOf(String colour) {
    double luminance = luminance(isSafe(colour) ? colour : AgencyBrand.DEFAULT_COLOUR);
    double onWhite = 1.05 / (luminance + 0.05);
    double onBlack = (luminance + 0.05) / 0.05;
    return onWhite >= onBlack ? "#fff" : "#000";
  }

  /** The accent itself when it is readable as text on white, else the ink colour. */
  public static String textOnWhite(String colour) {
    String safe = isSafe(colour) ? colour : AgencyBrand.DEFAULT_COLOUR;
    return 1.05 / (luminance(safe) + 0.05) >= READABLE ? safe : INK;
  }

  /** WCAG 2's relative luminance of an sRGB colour, 0 (black) to 1 (white). */
  static double luminance(String colour) {
    String hex = colour.substring(1);
    if (hex.length() == 3) {
      hex =
          new StringBuilder()
              .append(hex.charAt(0))
              .append(hex.charAt(0))
              .append(hex.charAt(1))
              .append(hex.charAt(1))
              .append(hex.charAt(2))
              .append(hex.charAt(2))
              .toString();
    }
    int rgb = Integer.parseInt(hex, 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
