package com.hirepilot.app.auth;

import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.throttle.Throttle;
import com.hirepilot.app.throttle.Throttles;
import com.hirepilot.app.workspace.AgencyBrand;
import com.hirepilot.app.workspace.AgencyBrands;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages around the magic link. Opening the link only shows a button: mail scanners follow
 * links, so only the button's POST signs in and uses the link up.
 *
 * <p>The page names the agency and the job the link is for, so a careful client can tell it from a
 * phishing page, and nothing about any candidate: that waits for the sign-in.
 */
@Controller
class SignInPageController {

  private final LoginLinks links;
  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final AgencyBrands brands;
  private final AccessLinkRequests requests;
  private final Throttles throttles;
  private final TaskExecutor executor;
  private final PortalProperties properties;

  SignInPageController(
      PortalProperties properties,
      LoginLinks links,
      JobService jobs,
      JobCollaborators collaborators,
      AgencyBrands brands,
      AccessLinkRequests requests,
      Throttles throttles,
      TaskExecutor executor) {
    this.properties = properties;
    this.links = links;
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.brands = brands;
    this.requests = requests;
    this.throttles = throttles;
    this.executor = executor;
  }

  @GetMapping("/portal/login")
  String confirm(
      @RequestParam(required = false) String token,
      @RequestParam(required = false) String invalid,
      Model model,
      HttpServletResponse response) {
    // The token is in this page's URL: keep it out of caches and Referer headers.
    response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
    response.setHeader("Referrer-Policy", "no-referrer");
    LoginLinks.Look link = invalid != null ? links.peek(null) : links.peek(token);
    // Their own link, used or not, takes a client who is still signed in straight back in.
    if (PortalClient.collaboratorId().filter(link::ownedBy).isPresent()) {
      return "redirect:" + SecurityConfiguration.safeTarget(link.targetPath());
    }
    LoginLinks.State state = link.state();
    Optional<Collaborator> owner =
        link.collaboratorId() == null
            ? Optional.empty()
            : collaborators.find(link.collaboratorId());
    model.addAttribute("state", state.name());
    model.addAttribute(
        "brand", owner.map(c -> brands.of(c.workspaceId())).orElse(AgencyBrand.UNKNOWN));
    model.addAttribute(
        "jobTitle",
        owner
            .filter(Collaborator::isActive)
            .flatMap(c -> jobs.find(c.workspaceId(), c.jobId()))
            .map(Job::title)
            .orElse(null));
    model.addAttribute("token", state == LoginLinks.State.VALID ? token : null);
    // A link that no longer works can ask for its own replacement: the address comes from the
    // record, and a removed collaborator gets one only if they still have access to another job.
    model.addAttribute("renewToken", renewable(state) ? token : null);
    return "auth/login";
  }

  /**
   * The page to ask for a link; after a request ({@code ?sent}), a sign-out ({@code ?signedOut}) or
   * an ended access ({@code ?ended}) it says so above the form.
   */
  @GetMapping("/portal/access")
  String access(
      @RequestParam(required = false) String sent,
      @RequestParam(required = false) String signedOut,
      @RequestParam(required = false) String ended,
      HttpServletResponse response,
      Model model) {
    response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
    model.addAttribute("brand", AgencyBrand.UNKNOWN);
    model.addAttribute(
        "requestedMinutes", Math.max(1, properties.magicLink().requestedTtl().toMinutes()));
    model.addAttribute("sent", sent != null);
    model.addAttribute("signedOut", signedOut != null);
    model.addAttribute("ended", ended != null);
    return "auth/access";
  }

  /**
   * One click on an expired or used link's page sends a fresh link to the address on record. The
   * answer is the same whatever the token was, and the address's limit applies as on the access
   * page.
   */
  @PostMapping("/portal/access/renew")
  String renew(@RequestParam(required = false) String token, HttpServletResponse response) {
    response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
    response.setHeader("Referrer-Policy", "no-referrer");
    LoginLinks.Look link = links.peek(token);
    if (renewable(link.state())) {
      collaborators
          .find(link.collaboratorId())
          .map(Collaborator::email)
          .filter(email -> throttles.take(Throttle.LINK_REQUESTS_PER_ADDRESS, email).isEmpty())
          .ifPresent(email -> executor.execute(() -> requests.sendLinkIfCollaborator(email)));
    }
    return "redirect:/portal/access?sent";
  }

  private static boolean renewable(LoginLinks.State state) {
    return state == LoginLinks.State.EXPIRED
        || state == LoginLinks.State.USED
        || state == LoginLinks.State.REVOKED;
  }
}
