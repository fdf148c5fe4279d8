package com.hirepilot.app.workspace;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The recruiter behind the current recruiter-API request, as the bearer filter put it. */
public record CurrentRecruiter(String recruiterId, String workspaceId, String name, String email) {

  public static CurrentRecruiter get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof CurrentRecruiter r) {
      return r;
    }
    throw new IllegalStateException("Not a recruiter request");
  }
}
