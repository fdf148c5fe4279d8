package com.hirepilot.app.console;

import com.hirepilot.app.workspace.CurrentRecruiter;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What the console's layout needs on every page: the signed-in recruiter (null on the sign-in
 * page), whether they are an admin, their workspace's name, and the CSRF token for the sign-out
 * form. {@link ConsolePages} puts it in every console page's model as {@code frame}.
 */
public record ConsoleFrame(
    CurrentRecruiter me, boolean admin, String workspaceName, CsrfToken csrf) {}
