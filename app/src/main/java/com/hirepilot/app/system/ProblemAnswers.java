package com.hirepilot.app.system;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of the JSON APIs into an RFC 9457 problem answer. Bad input is a 4xx that
 * says what to fix; only a bug is a 500, and its details stay in the log.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemAnswers extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    e.properties().forEach(problem::setProperty);
    return problem;
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    ProblemDetail problem =
        problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", e.getMessage());
    problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
    return problem;
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
        .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", e.getMessage()));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected failure", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "Something went wrong on our side. It has been logged.");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                error ->
                    Map.of(
                        "field",
                        error.getField(),
                        "message",
                        String.valueOf(error.getDefaultMessage())))
            .toList();
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "Invalid input",
            "Some fields are missing or invalid; see errors.");
    problem.setProperty("errors", errors);
    return ResponseEntity.unprocessableEntity().body(problem);
  }

  /**
   * Method validation (Spring 6.1) failed. A path variable or query parameter no value of its kind
   * can be (see {@link ResourceId}) is a 400 naming the parameter; a body that fails its
   * constraints is the same 422 as {@link #handleMethodArgumentNotValid}, whichever of the two
   * mechanisms found it.
   */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> parameterErrors = new java.util.ArrayList<>();
    List<Map<String, String>> bodyErrors = new java.util.ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      if (result instanceof ParameterErrors errors) {
        errors
            .getFieldErrors()
            .forEach(
                error ->
                    bodyErrors.add(
                        Map.of(
                            "field",
                            error.getField(),
                            "message",
                            String.valueOf(error.getDefaultMessage()))));
        continue;
      }
      String name = result.getMethodParameter().getParameterName();
      for (var error : result.getResolvableErrors()) {
        parameterErrors.add(
            Map.of(
                "field",
                String.valueOf(name),
                "message",
                String.valueOf(error.getDefaultMessage())));
      }
    }
    ProblemDetail problem;
    if (!parameterErrors.isEmpty()) {
      problem =
          problem(
              HttpStatus.BAD_REQUEST,
              "Invalid request",
              "Some path or query parameters are invalid; see errors.");
      problem.setProperty("errors", parameterErrors);
    } else {
      problem =
          problem(
              HttpStatus.UNPROCESSABLE_ENTITY,
              "Invalid input",
              "Some fields are missing or invalid; see errors.");
      problem.setProperty("errors", bodyErrors);
    }
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  /** Text refused by {@link UserText} while the body was read is a 422 naming the field. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return ResponseEntity.unprocessableEntity().body(invalid(invalid));
      }
    }
    return super.handleHttpMessageNotReadable(e, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    // Spring's own answers (400 unreadable JSON, 415, 405...) keep their status but say it plainly.
    if (body instanceof ProblemDetail problem && problem.getTitle() == null) {
      problem.setTitle(HttpStatus.valueOf(statusCode.value()).getReasonPhrase());
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    return problem;
  }
}
