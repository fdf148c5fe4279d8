package com.hirepilot.app.console;

import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.UserText;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.Recruiter;
import com.hirepilot.app.workspace.RecruiterAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Signing in, the recruiter's own account and API tokens, and (for admins) the team. A secret made
 * here (a token, a colleague's first password) is shown once on the page that made it, never again:
 * the redirect after it carries it as a flash attribute, which lives for one request.
 */
@Controller
class ConsoleAccountController {

  private final RecruiterAccounts accounts;

  ConsoleAccountController(RecruiterAccounts accounts) {
    this.accounts = accounts;
  }

  /**
   * The sign-in page. Spring Security's redirects say why it is shown by a bare query parameter
   * ({@code ?error}, {@code ?signedOut}, {@code ?passwordChanged}): any value counts.
   */
  @GetMapping("/console/login")
  String signIn(Model model, HttpServletRequest request) {
    model.addAttribute("signedOut", request.getParameter("signedOut") != null);
    model.addAttribute("passwordChanged", request.getParameter("passwordChanged") != null);
    model.addAttribute("signInFailed", request.getParameter("error") != null);
    return "console/login";
  }

  @GetMapping({"/console", "/console/"})
  String home() {
    return "redirect:/console/jobs";
  }

  @GetMapping("/console/account")
  String account(Model model) {
    return "console/account";
  }

  @PostMapping("/console/account/password")
  String changePassword(
      @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String newPassword,
      @RequestParam(defaultValue = "") String confirmPassword,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      if (!newPassword.equals(confirmPassword)) {
        throw new InvalidInputException("confirmPassword", "the two new passwords differ");
      }
      accounts.changePassword(CurrentRecruiter.get().recruiterId(), currentPassword, newPassword);
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("error", e);
      return "console/account";
    }
    // The session was signed in with the old password, so it has just ended: sign in again.
    redirect.addFlashAttribute("notice", "Password changed. Sign in with the new one.");
    return "redirect:/console/login?passwordChanged";
  }

  @GetMapping("/console/tokens")
  String tokens(Model model) {
    model.addAttribute(
        "tokens", accounts.tokens(CurrentRecruiter.get(), CurrentRecruiter.isAdmin()));
    return "console/tokens";
  }

  @PostMapping("/console/tokens")
  String createToken(
      @RequestParam(defaultValue = "") String name,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    String label = UserText.clean("name", name).strip();
    if (label.isEmpty() || label.length() > 100) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute(
          "error",
          new InvalidInputException(
              "name", "name the token (1–100 characters), e.g. the integration that uses it"));
      return tokens(model);
    }
    RecruiterAccounts.IssuedToken issued = accounts.createToken(CurrentRecruiter.get(), label);
    redirect.addFlashAttribute("newToken", issued.token());
    redirect.addFlashAttribute("newTokenName", issued.record().name());
    return "redirect:/console/tokens";
  }

  @PostMapping("/console/tokens/{tokenId}/revoke")
  String revokeToken(@PathVariable String tokenId, RedirectAttributes redirect) {
    accounts.revokeToken(CurrentRecruiter.get(), CurrentRecruiter.isAdmin(), tokenId);
    redirect.addFlashAttribute("notice", "Token revoked. Requests with it now answer 401.");
    return "redirect:/console/tokens";
  }

  @GetMapping("/console/team")
  String team(Model model) {
    model.addAttribute("team", accounts.team(CurrentRecruiter.admin().workspaceId()));
    model.addAttribute("roles", Recruiter.Role.values());
    return "console/team";
  }

  @PostMapping("/console/team")
  String addRecruiter(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "RECRUITER") Recruiter.Role role,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CurrentRecruiter admin = CurrentRecruiter.admin();
    try {
      String cleanName = UserText.clean("name", name).strip();
      String cleanEmail = UserText.clean("email", email).strip();
      if (cleanName.isEmpty() || cleanName.length() > 200) {
        throw new InvalidInputException("name", "enter the recruiter's name");
      }
      if (!cleanEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || cleanEmail.length() > 320) {
        throw new InvalidInputException("email", "enter an email address like name@agency.com");
      }
      RecruiterAccounts.NewMember added = accounts.addRecruiter(admin, cleanName, cleanEmail, role);
      redirect.addFlashAttribute("newMember", added.recruiter());
      redirect.addFlashAttribute("firstPassword", added.firstPassword());
      return "redirect:/console/team";
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("error", e);
      model.addAttribute("form", new MemberForm(name, email, role));
      return team(model);
    }
  }

  @PostMapping("/console/team/{recruiterId}/role")
  String changeRole(
      @PathVariable String recruiterId,
      @RequestParam Recruiter.Role role,
      RedirectAttributes redirect) {
    Recruiter changed = accounts.changeRole(CurrentRecruiter.admin(), recruiterId, role);
    redirect.addFlashAttribute(
        "notice",
        changed.name()
            + " is now "
            + (role == Recruiter.Role.ADMIN ? "an admin." : "a recruiter."));
    return "redirect:/console/team";
  }

  @PostMapping("/console/team/{recruiterId}/password")
  String resetPassword(@PathVariable String recruiterId, RedirectAttributes redirect) {
    RecruiterAccounts.NewMember reset =
        accounts.resetPassword(CurrentRecruiter.admin(), recruiterId);
    redirect.addFlashAttribute("newMember", reset.recruiter());
    redirect.addFlashAttribute("firstPassword", reset.firstPassword());
    redirect.addFlashAttribute("passwordReset", true);
    return "redirect:/console/team";
  }

  record MemberForm(String name, String email, Recruiter.Role role) {}
}
