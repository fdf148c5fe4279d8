package com.hirepilot.app.console;

import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.workspace.AgencyBrand;
import com.hirepilot.app.workspace.AgencyBrands;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.DealFollowing;
import com.hirepilot.app.workspace.Workspace;
import com.hirepilot.app.workspace.WorkspaceSettings;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workspace's settings for its admins: the name clients see, the reminder schedule, how long
 * invitation links live, and the brand (colour and logo) of the portal and the client emails. The
 * same rules as {@code PATCH /api/workspace}, through the same service.
 */
@Controller
class ConsoleSettingsController {

  private final WorkspaceSettings settings;
  private final AgencyBrands brands;
  private final PortalProperties properties;

  ConsoleSettingsController(
      WorkspaceSettings settings, AgencyBrands brands, PortalProperties properties) {
    this.settings = settings;
    this.brands = brands;
    this.properties = properties;
  }

  /** What the form shows: the values typed (after an error) or the stored ones. */
  record SettingsForm(
      String name,
      String reminderSchedule,
      String magicLinkTtl,
      String brandColour,
      String dealStageOnInterview,
      String dealStageOnApproval) {

    /** The deal stages shown are the ones in force: the workspace's own or the defaults. */
    static SettingsForm of(Workspace w, DealFollowing deals) {
      return new SettingsForm(
          w.name(),
          w.reminderSchedule() == null ? "" : w.reminderSchedule(),
          w.magicLinkTtl() == null ? "" : w.magicLinkTtl(),
          w.brandColour() == null ? "" : w.brandColour(),
          deals.onInterview(),
          deals.onApproval());
    }
  }

  /**
   * The logo upload, bound so that {@link LogoFormValidator} checks it as it does a form's text.
   */
  record LogoForm(MultipartFile file) {}

  @InitBinder("logoForm")
  void checkLogoForms(WebDataBinder binder) {
    binder.setValidator(new LogoFormValidator());
  }

  @GetMapping("/console/settings")
  String page(Model model) {
    Workspace workspace = settings.workspace(CurrentRecruiter.admin().workspaceId());
    return show(model, workspace, form(workspace));
  }

  @PostMapping("/console/settings")
  String change(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String reminderSchedule,
      @RequestParam(defaultValue = "") String magicLinkTtl,
      @RequestParam(defaultValue = "") String brandColour,
      @RequestParam(defaultValue = "") String dealStageOnInterview,
      @RequestParam(defaultValue = "") String dealStageOnApproval,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    String workspaceId = CurrentRecruiter.admin().workspaceId();
    // Every field is sent; a blank one goes back to the default (the name must be given).
    var change =
        new WorkspaceSettings.Change(
            name,
            reminderSchedule.strip(),
            magicLinkTtl.strip(),
            brandColour.strip(),
            dealStageOnInterview.strip(),
            dealStageOnApproval.strip());
    try {
      settings.change(workspaceId, change);
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("error", e);
      return show(
          model,
          settings.workspace(workspaceId),
          new SettingsForm(
              name,
              reminderSchedule,
              magicLinkTtl,
              brandColour,
              dealStageOnInterview,
              dealStageOnApproval));
    }
    redirect.addFlashAttribute(
        "notice", "Settings saved. New submissions and emails use them from now on.");
    return "redirect:/console/settings";
  }

  @PostMapping("/console/settings/logo")
  String changeLogo(
      @Valid @ModelAttribute("logoForm") LogoForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    String workspaceId = CurrentRecruiter.admin().workspaceId();
    DeskForms.requireBound(result);
    if (result.hasErrors()) {
      return logoRefused(workspaceId, DeskForms.firstProblem(result), model, response);
    }
    try {
      settings.changeLogo(workspaceId, bytes(form.file()));
    } catch (InvalidInputException e) {
      // The service's refusal, from what the file holds: not a PNG or JPEG image.
      return logoRefused(workspaceId, e, model, response);
    }
    redirect.addFlashAttribute("notice", "Logo saved. The portal and client emails show it now.");
    return "redirect:/console/settings";
  }

  /** The settings page again as 422, with why the logo was refused and the stored settings. */
  private String logoRefused(
      String workspaceId, Object error, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    model.addAttribute("error", error);
    Workspace workspace = settings.workspace(workspaceId);
    return show(model, workspace, form(workspace));
  }

  @PostMapping("/console/settings/logo/remove")
  String removeLogo(RedirectAttributes redirect) {
    settings.removeLogo(CurrentRecruiter.admin().workspaceId());
    redirect.addFlashAttribute("notice", "Logo removed. The portal shows the agency's name alone.");
    return "redirect:/console/settings";
  }

  private SettingsForm form(Workspace workspace) {
    return SettingsForm.of(workspace, settings.dealFollowing(workspace));
  }

  private String show(Model model, Workspace workspace, SettingsForm form) {
    model.addAttribute("dealStages", settings.dealStageChoices());
    AgencyBrand brand = brands.find(workspace.id()).orElse(AgencyBrand.UNKNOWN);
    model.addAttribute("form", form);
    model.addAttribute("brand", brand);
    model.addAttribute("defaultSchedule", settings.defaultReminderSchedule().text());
    model.addAttribute("defaultLinkTtl", properties.magicLink().ttl().toString());
    model.addAttribute("defaultColour", AgencyBrand.DEFAULT_COLOUR);
    model.addAttribute("shortestLink", WorkspaceSettings.SHORTEST_INVITATION.toString());
    model.addAttribute("longestLink", WorkspaceSettings.LONGEST_INVITATION.toString());
    return "console/settings";
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
