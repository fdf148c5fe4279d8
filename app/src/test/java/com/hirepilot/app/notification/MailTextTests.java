package com.hirepilot.app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text part read out of an email's HTML: what a reader needs, nothing a renderer needs. */
class MailTextTests {

  @Test
  void paragraphsAreSeparatedByABlankLineAndWhitespaceCollapsesAsInABrowser() {
    String html =
        """
        <p>Hello   <span>Casey</span>,</p>
        <p>
          <strong>Olly</strong> at <span>Acme</span>
          submitted a candidate.
        </p>""";
    assertThat(MailText.of(html))
        .isEqualTo("Hello Casey,\n\nOlly at Acme submitted a candidate.\n");
  }

  @Test
  void lineBreaksAndDivsStartNewLinesWithoutABlankLine() {
    assertThat(MailText.of("<div>Jordan</div><div>Staff Engineer</div><p>one<br>two</p>"))
        .isEqualTo("Jordan\nStaff Engineer\n\none\ntwo\n");
  }

  @Test
  void headingsAreParagraphsOfTheirOwn() {
    assertThat(MailText.of("<h1>Ticket 7</h1>Summary<h2>Details</h2><p>None</p>"))
        .isEqualTo("Ticket 7\n\nSummary\n\nDetails\n\nNone\n");
  }

  @Test
  void listItemsStartWithADashAndTheirFurtherLinesAreIndented() {
    String html =
        "<p>Skills:</p><ul><li>Kafka</li><li><p>Spark</p><p>and Flink</p></li>"
            + "<li>Outer<ul><li>Inner</li></ul></li></ul><p>After</p>";
    assertThat(MailText.of(html))
        .isEqualTo("Skills:\n\n- Kafka\n- Spark\n\n  and Flink\n\n- Outer\n  - Inner\n\nAfter\n");
  }

  @Test
  void aLinkBecomesItsLabelAndAddressAndAnAddressLabelIsNotRepeated() {
    String html =
        "<p>Read <a href=\"https://docs.example/help\">the guide</a> first.</p>"
            + "<p>In the console: <a href=\"https://app.example/c/1\">https://app.example/c/1</a></p>"
            + "<p>Write to <a href=\"mailto:olly@acme.example\">olly@acme.example</a>.</p>";
    assertThat(MailText.of(html))
        .isEqualTo(
            "Read the guide: https://docs.example/help first.\n\n"
                + "In the console: https://app.example/c/1\n\n"
                + "Write to olly@acme.example.\n");
  }

  @Test
  void aButtonPutsItsAddressOnTheLineUnderItsLabel() {
    String html =
        """
        <p>Hello,</p>
        <table role="presentation"><tr><td bgcolor="#2f5bea">
          <a href="https://portal.example/portal/login?token=abc" style="display:inline-block">View candidate</a>
        </td></tr></table>
        <p>The link works once.</p>""";
    assertThat(MailText.of(html))
        .isEqualTo(
            "Hello,\n\nView candidate:\nhttps://portal.example/portal/login?token=abc\n\n"
                + "The link works once.\n");
  }

  @Test
  void linksToNowhereKeepTheirLabelAndImageLinksTheirAddress() {
    assertThat(
            MailText.of(
                "<p><a href=\"#top\">Top</a> <a href=\"https://x.example/\"><img"
                    + " src=\"logo.png\" alt=\"Logo\"></a></p>"))
        .isEqualTo("Top https://x.example/\n");
  }

  @Test
  void layoutTablesLeaveOnlyLineBreaksAndImagesLeaveNothing() {
    String html =
        """
        <!DOCTYPE html><html><head><title>Not read</title><style>p{color:red}</style></head>
        <body><table role="presentation" width="100%"><tr><td align="center">
          <table role="presentation"><tr><td>
            <img src="https://portal.example/brand/w/logo" alt="Acme">
            <div>Acme Recruiting</div>
          </td></tr>
          <tr><td><p>Hello Casey,</p>
            <table role="presentation"><tr><td><div>Jordan</div><div>Staff Engineer</div></td></tr></table>
            <p>— Acme Recruiting</p>
          </td></tr></table>
        </td></tr></table></body></html>""";
    assertThat(MailText.of(html))
        .isEqualTo(
            "Acme Recruiting\n\nHello Casey,\n\nJordan\nStaff Engineer\n\n— Acme Recruiting\n");
  }

  @Test
  void hiddenPreheaderTextAndScriptsAreDropped() {
    String html =
        """
        <body><div style="display:none;max-height:0;overflow:hidden;mso-hide:all">Jordan for Data Engineer</div>
        <span style="color:#fff; display: none">hidden too</span>
        <div hidden>and this</div><div aria-hidden="true">&#847; &zwnj;</div>
        <script>alert(1)</script>
        <p>Hello</p></body>""";
    assertThat(MailText.of(html)).isEqualTo("Hello\n");
  }

  @Test
  void quotesAreMarkedOnEveryLineAndPreformattedTextKeepsItsLines() {
    String html =
        "<p>Casey wrote:</p><blockquote><p>First line</p><p>Second</p></blockquote>"
            + "<pre>at Foo.bar(Foo.java:1)\n    at Baz.qux(Baz.java:2)\n</pre><p>End</p>";
    assertThat(MailText.of(html))
        .isEqualTo(
            "Casey wrote:\n\n> First line\n>\n> Second\n\n"
                + "at Foo.bar(Foo.java:1)\n    at Baz.qux(Baz.java:2)\n\nEnd\n");
  }

  @Test
  void escapedTextComesOutAsTheCharactersItStandsFor() {
    assertThat(MailText.of("<p>&lt;script&gt; &amp; &quot;quotes&quot;&nbsp;here</p>"))
        .isEqualTo("<script> & \"quotes\" here\n");
  }

  @Test
  void anEmptyBodyGivesNoText() {
    assertThat(MailText.of("<html><body> <table><tr><td></td></tr></table></body></html>"))
        .isEmpty();
  }
}
