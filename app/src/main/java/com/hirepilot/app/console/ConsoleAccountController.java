package com.hirepilot.app.console;

import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.UserText;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.Recruiter;
import com.hirepilot.app.workspace.RecruiterAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
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

  @InitBinder("passwordForm")
  void checkPasswordForms(WebDataBinder binder) {
    binder.setValidator(new PasswordFormValidator());
  }

  @InitBinder("tokenForm")
  void checkTokenForms(WebDataBinder binder) {
    binder.setValidator(new TokenFormValidator());
  }

  @InitBinder("form")
  void checkMemberForms(WebDataBinder binder) {
    binder.setValidator(new MemberFormValidator());
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
      @Valid @ModelAttribute("passwordForm") PasswordForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (result.hasErrors()) {
      refused(DeskForms.firstProblem(result), model, response);
      return "console/account";
    }
    try {
      accounts.changePassword(
          CurrentRecruiter.get().recruiterId(), form.currentPassword(), form.newPassword());
    } catch (InvalidInputException e) {
      // The service's refusal: the current password is not right, or the new one breaks a rule.
      refused(e, model, response);
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
      @Valid @ModelAttribute("tokenForm") TokenForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (result.hasErrors()) {
      refused(DeskForms.firstProblem(result), model, response);
      return tokens(model);
    }
    // Text UserText refuses (the validator leaves it be) is answered by the console's page for bad
    // input, as it always was.
    String label = UserText.clean("name", form.name()).strip();
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
      @Valid @ModelAttribute("form") MemberForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    DeskForms.requireBound(result);
    CurrentRecruiter admin = CurrentRecruiter.admin();
    if (result.hasErrors()) {
      refused(DeskForms.firstProblem(result), model, response);
      return team(model);
    }
    MemberForm member = form.cleaned();
    RecruiterAccounts.NewMember added;
    try {
      added = accounts.addRecruiter(admin, member.name(), member.email(), member.role());
    } catch (InvalidInputException e) {
      // The service's refusal: a recruiter with this address already exists.
      refused(e, model, response);
      return team(model);
    }
    redirect.addFlashAttribute("newMember", added.recruiter());
    redirect.addFlashAttribute("firstPassword", added.firstPassword());
    return "redirect:/console/team";
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

  /**
   * The account page's password form. Passwords are never shown again, nor written out: not even
   * when the form is, in a debug log of the page's model.
   */
  record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {

    PasswordForm {
      currentPassword = FieldValues.text(currentPassword);
      newPassword = FieldValues.text(newPassword);
      confirmPassword = FieldValues.text(confirmPassword);
    }

    @Override
    public String toString() {
      return "PasswordForm[passwords hidden]";
    }
  }

  /** What a new API token is for, as typed. */
  record TokenForm(String name) {

    static final int NAME_MAX = 100;

    TokenForm {
      name = FieldValues.text(name);
    }
  }

  /** The add-recruiter form, as typed, to show again when it is refused. */
  record MemberForm(String name, String email, Recruiter.Role role) {

    /** No role chosen is a recruiter, as the form's select starts. */
    MemberForm {
      name = FieldValues.text(name);
      email = FieldValues.text(email);
      role = role == null ? Recruiter.Role.RECRUITER : role;
    }

    /** The text {@link UserText} cleaned and stripped. Only for text it does not refuse. */
    MemberForm cleaned() {
      return new MemberForm(
          UserText.clean("name", name).strip(), UserText.clean("email", email).strip(), role);
    }
  }

  /**
   * A refused form's answer: 422 with the problem, for the page shown next (with the form as typed,
   * already in the model, if the page shows it).
   */
  private static void refused(Object error, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    model.addAttribute("error", error);
  }
}
