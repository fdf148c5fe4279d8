package com.hirepilot.app.workspace;

import com.hirepilot.app.system.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The recruiter behind the current request, as the bearer-token filter (API) or the console's
 * session put it. The role travels as the authority {@code ROLE_ADMIN}, read from the database on
 * every request.
 */
public record CurrentRecruiter(String recruiterId, String workspaceId, String name, String email) {

  public static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

  /**
   * The request attribute holding the workspace's name, where the console's sign-in check read it
   * together with the recruiter, so the page frame needs no statement of its own.
   */
  public static final String WORKSPACE_NAME_ATTRIBUTE =
      CurrentRecruiter.class.getName() + ".workspaceName";

  public static CurrentRecruiter get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof CurrentRecruiter r) {
      return r;
    }
    throw new IllegalStateException("Not a recruiter request");
  }

  /** Whether the current request's recruiter is an admin of their workspace. */
  public static boolean isAdmin() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.getAuthorities().stream()
            .anyMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()));
  }

  /** The current recruiter, who must be an admin: 403 otherwise. */
  public static CurrentRecruiter admin() {
    CurrentRecruiter recruiter = get();
    if (!isAdmin()) {
      throw new ForbiddenException("Only an admin of the workspace can do this.");
    }
    return recruiter;
  }
}
