package com.hirepilot.app.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised outside any controller (an unknown path, a refused CSRF token, a method not
 * allowed) still answer scripts with an RFC 9457 problem; browsers keep the HTML error page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

  ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties server) {
    super(errorAttributes, server.getError());
  }

  @Override
  @RequestMapping
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    HttpStatus status = getStatus(request);
    if (status == HttpStatus.NO_CONTENT) {
      return new ResponseEntity<>(status);
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail(status));
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (path != null) {
      problem.put("instance", path);
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** The browser's page: a title and a sentence of its own for each kind of failure. */
  @Override
  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    ModelAndView page = super.errorHtml(request, response);
    HttpStatus status = getStatus(request);
    page.addObject("title", pageTitle(status));
    page.addObject("explanation", pageText(status));
    return page;
  }

  static String pageTitle(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "Bad request";
      case UNAUTHORIZED -> "Sign-in needed";
      case FORBIDDEN -> "Request refused";
      case NOT_FOUND -> "Page not found";
      case METHOD_NOT_ALLOWED -> "Not possible here";
      case PAYLOAD_TOO_LARGE -> "File too large";
      case UNSUPPORTED_MEDIA_TYPE -> "Unsupported request";
      case UNPROCESSABLE_ENTITY -> "Check what you entered";
      case TOO_MANY_REQUESTS -> "Too many attempts";
      default -> status.is5xxServerError() ? "Something went wrong" : "That did not work";
    };
  }

  static String pageText(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "This page does not exist, or it is not shared with you.";
      case UNAUTHORIZED -> "Open the sign-in link from your email, or ask for a new one.";
      case FORBIDDEN ->
          "The page you sent this from had expired. Go back, reload the page and try again.";
      case PAYLOAD_TOO_LARGE -> "The file is larger than this site accepts.";
      case TOO_MANY_REQUESTS ->
          "There were many attempts from your network in a short time. Wait a few minutes,"
              + " then try again.";
      default ->
          status.is5xxServerError()
              ? "An error on our side stopped this page. It has been logged; please try again in a"
                  + " moment."
              : "The request could not be completed. Go back and try again.";
    };
  }

  private static String detail(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "There is nothing at this address.";
      case FORBIDDEN ->
          "The request was refused. Writes need the X-XSRF-TOKEN header (or the _csrf form"
              + " field) matching the XSRF-TOKEN cookie.";
      case METHOD_NOT_ALLOWED -> "This address does not take that method.";
      case TOO_MANY_REQUESTS -> "Too many attempts in a short time. Wait, then try again.";
      default ->
          status.is5xxServerError()
              ? "Something went wrong on our side. It has been logged."
              : status.getReasonPhrase();
    };
  }
}
