package com.hirepilot.app.auth;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages around the magic link. Opening the link only shows a button: mail scanners follow
 * links, so only the button's POST signs in and uses the link up.
 */
@Controller
class SignInPageController {

  private final LoginLinks links;

  SignInPageController(LoginLinks links) {
    this.links = links;
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
    model.addAttribute("state", state.name());
    model.addAttribute("token", state == LoginLinks.State.VALID ? token : null);
    return "portal/login";
  }

  @GetMapping("/portal/access")
  String access(HttpServletResponse response) {
    response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
    return "portal/access";
  }
}
