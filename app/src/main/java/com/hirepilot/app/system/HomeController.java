package com.hirepilot.app.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The bare origin leads to the portal, where a client without a session can ask for a link. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "redirect:/portal";
  }
}
