package com.hirepilot.app.portal;

/** The session's collaborator was removed or no longer exists: the session is over. */
public class PortalSessionEnded extends RuntimeException {

  public PortalSessionEnded() {
    super("Your access to this portal has ended. Ask your recruiter for a new link.");
  }
}
