package com.hirepilot.app.console;

import com.hirepilot.app.job.Guest;
import com.hirepilot.app.job.GuestService;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.UserText;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Guest collaborators (admins): client contacts on every job of their company, now and later. */
@Controller
class ConsoleGuestsController {

  private final GuestService guests;

  ConsoleGuestsController(GuestService guests) {
    this.guests = guests;
  }

  /** The add-guest form, as typed, to show again when it is refused. */
  record GuestForm(String email, String name, String clientCompany) {

    GuestForm {
      email = FieldValues.text(email);
      name = FieldValues.text(name);
      clientCompany = FieldValues.text(clientCompany);
    }

    /** The text {@link UserText} cleaned and stripped. Only for text it does not refuse. */
    GuestForm cleaned() {
      return new GuestForm(
          UserText.clean("email", email).strip(),
          UserText.clean("name", name).strip(),
          UserText.clean("clientCompany", clientCompany).strip());
    }
  }

  @InitBinder("form")
  void checkGuestForms(WebDataBinder binder) {
    binder.setValidator(new GuestFormValidator());
  }

  @GetMapping("/console/guests")
  @Transactional(readOnly = true)
  String page(Model model) {
    CurrentRecruiter admin = CurrentRecruiter.admin();
    model.addAttribute("guests", guests.list(admin.workspaceId()));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new GuestForm(null, null, null));
    }
    return "console/guests";
  }

  @PostMapping("/console/guests")
  String add(
      @Valid @ModelAttribute("form") GuestForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CurrentRecruiter.admin();
    if (result.hasErrors()) {
      return again(
          HttpStatus.UNPROCESSABLE_ENTITY, DeskForms.firstProblem(result), model, response);
    }
    GuestForm guest = form.cleaned();
    GuestService.GuestOnJobs added;
    try {
      added = guests.add(guest.email(), guest.name(), guest.clientCompany());
    } catch (ConflictException e) {
      // The service's refusal: the address is already a guest of the workspace.
      return again(HttpStatus.CONFLICT, e, model, response);
    }
    int jobs = added.jobs().size();
    redirect.addFlashAttribute(
        "notice",
        "Added "
            + label(added.guest())
            + " as a guest of "
            + added.guest().clientCompany()
            + ": a collaborator on "
            + jobs
            + (jobs == 1 ? " job" : " jobs")
            + " now, and on each new one for the company.");
    return "redirect:/console/guests";
  }

  /** The page again with the problem and the form as typed (the model's "form"). */
  private String again(HttpStatus status, Object error, Model model, HttpServletResponse response) {
    response.setStatus(status.value());
    model.addAttribute("error", error);
    return page(model);
  }

  @PostMapping("/console/guests/{guestId}/remove")
  String remove(@PathVariable String guestId, RedirectAttributes redirect) {
    Guest removed = guests.remove(guestId);
    redirect.addFlashAttribute(
        "notice",
        "Removed "
            + label(removed)
            + ": their access to "
            + removed.clientCompany()
            + "’s jobs ended, links and sessions included.");
    return "redirect:/console/guests";
  }

  private static String label(Guest guest) {
    return guest.name() == null ? guest.email() : guest.name() + " (" + guest.email() + ")";
  }
}
