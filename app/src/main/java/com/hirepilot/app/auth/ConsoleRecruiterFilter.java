package com.hirepilot.app.auth;

import com.hirepilot.app.system.LogContext;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.Recruiter;
import com.hirepilot.app.workspace.RecruiterDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a console session against the database on every request: the recruiter must still exist
 * with the password they signed in with. The request then runs as the recruiter the database
 * describes now (role included); the session itself keeps only who signed in.
 */
class ConsoleRecruiterFilter extends OncePerRequestFilter {

  private final RecruiterDirectory recruiters;

  ConsoleRecruiterFilter(RecruiterDirectory recruiters) {
    this.recruiters = recruiters;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof ConsoleAccounts.RecruiterLogin login) {
      Optional<RecruiterDirectory.SignedIn> signedIn =
          recruiters
              .signedIn(login.recruiterId())
              .filter(s -> Objects.equals(s.recruiter().passwordHash(), login.passwordHash()));
      if (signedIn.isPresent()) {
        Recruiter recruiter = signedIn.get().recruiter();
        // A new context for this request only. The session's context object must stay as it was
        // saved at sign-in: changing it in place would change the session's copy too.
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(RecruiterAuthentication.of(recruiter));
        SecurityContextHolder.setContext(context);
        // Read in the same statement; the pages' frame shows it without asking again.
        request.setAttribute(
            CurrentRecruiter.WORKSPACE_NAME_ATTRIBUTE, signedIn.get().workspaceName());
        LogContext.put(LogContext.WORKSPACE_ID, recruiter.workspaceId());
      } else {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
      }
    }
    chain.doFilter(request, response);
  }
}
