package com.hirepilot.app.console;

import com.hirepilot.app.job.Guest;
import com.hirepilot.app.job.GuestService;
import com.hirepilot.app.system.ConflictException;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.UserText;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Guest collaborators (admins): client contacts on every job of their company, now and later. */
@Controller
class ConsoleGuestsController {

  private final GuestService guests;

  ConsoleGuestsController(GuestService guests) {
    this.guests = guests;
  }

  record GuestForm(String email, String name, String clientCompany) {}

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
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String clientCompany,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CurrentRecruiter.admin();
    try {
      String address = UserText.clean("email", email).strip();
      String who = UserText.clean("name", name).strip();
      String company = UserText.clean("clientCompany", clientCompany).strip();
      if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 320) {
        throw new InvalidInputException("email", "enter an email address like name@client.com");
      }
      if (who.length() > 200) {
        throw new InvalidInputException("name", "the name is longer than 200 characters");
      }
      if (company.isEmpty() || company.length() > 200) {
        throw new InvalidInputException("clientCompany", "enter the client company");
      }
      GuestService.GuestOnJobs added = guests.add(address, who, company);
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
    } catch (InvalidInputException | ConflictException e) {
      response.setStatus(
          e instanceof ConflictException
              ? HttpStatus.CONFLICT.value()
              : HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("error", e);
      model.addAttribute("form", new GuestForm(email, name, clientCompany));
      return page(model);
    }
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
