package com.hirepilot.app.console;

import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.WorkspaceSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every console page has: its {@link ConsoleFrame} ({@code frame}: the signed-in recruiter,
 * whether they are an admin, the workspace's name, the CSRF token) and the site's address ({@code
 * origin}); and the console's answers to a missing object (its 404 page) and to bad input in a form
 * (the page again, with the message, as 422).
 */
@ControllerAdvice(basePackageClasses = ConsolePages.class)
class ConsolePages {

  private final WorkspaceSettings settings;
  private final com.hirepilot.app.system.PortalProperties properties;

  ConsolePages(WorkspaceSettings settings, com.hirepilot.app.system.PortalProperties properties) {
    this.settings = settings;
    this.properties = properties;
  }

  @ModelAttribute
  void common(Model model, HttpServletRequest request) {
    model.addAttribute("origin", properties.link(""));
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof CurrentRecruiter me) {
      Object known = request.getAttribute(CurrentRecruiter.WORKSPACE_NAME_ATTRIBUTE);
      String workspaceName =
          known instanceof String name ? name : settings.workspace(me.workspaceId()).name();
      model.addAttribute(
          "frame", new ConsoleFrame(me, CurrentRecruiter.isAdmin(), workspaceName, csrf));
    } else {
      model.addAttribute("frame", new ConsoleFrame(null, false, null, csrf));
    }
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(NotFoundException e, Model model, HttpServletRequest request) {
    common(model, request);
    model.addAttribute("what", e.getMessage());
    return "console/not-found";
  }

  @ExceptionHandler(com.hirepilot.app.system.ForbiddenException.class)
  String forbidden(
      com.hirepilot.app.system.ForbiddenException e,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    common(model, request);
    model.addAttribute("message", e.getMessage());
    return "console/invalid";
  }

  @ExceptionHandler(com.hirepilot.app.system.ConflictException.class)
  String conflict(
      com.hirepilot.app.system.ConflictException e,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    response.setStatus(HttpStatus.CONFLICT.value());
    common(model, request);
    model.addAttribute("message", e.getMessage());
    return "console/invalid";
  }

  /**
   * A form's bad input that reached a service: shown on a page of its own with the field's message
   * and a way back. Controllers that can show the message beside the field do so themselves.
   */
  @ExceptionHandler(InvalidInputException.class)
  String invalid(
      InvalidInputException e,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    common(model, request);
    model.addAttribute("field", e.field());
    model.addAttribute("message", e.getMessage());
    return "console/invalid";
  }
}
