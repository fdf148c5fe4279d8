package com.hirepilot.app.testing;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the engine behind validator.w3.org/nu), run in-process on a page's markup:
 * the errors it reports, each with its line. Warnings are not errors and are left out.
 */
public final class HtmlChecker {

  private static final String HTML_SCHEMA = "http://s.validator.nu/html5-rdfalite.rnc";

  private HtmlChecker() {}

  public static List<String> errors(String html) {
    List<String> errors = new ArrayList<>();
    ErrorHandler collect =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            error(e);
          }
        };
    try {
      SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
      validator.setUpMainSchema(HTML_SCHEMA, collect);
      validator.setUpValidatorAndParsers(collect, true, false);
      validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
    } catch (Exception e) {
      throw new IllegalStateException("The HTML checker could not run", e);
    }
    return errors;
  }
}
