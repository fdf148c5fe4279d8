package com.hirepilot.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.testing.HtmlChecker;
import org.junit.jupiter.api.Test;

/** The checker the browser tests rely on finds real errors, and passes a valid page. */
class HtmlCheckerTests {

  @Test
  void aValidPagePassesAndABrokenOneDoesNot() {
    String valid =
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fine</title></head>
        <body><main><h1>Fine</h1><label for="a">A</label><input id="a"></main></body></html>
        """;
    String broken =
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
        <body><ul><div>not a list item</div></ul><a href="x" href="y">twice</a></body></html>
        """;
    assertThat(HtmlChecker.errors(valid)).isEmpty();
    assertThat(HtmlChecker.errors(broken)).isNotEmpty();
  }
}
