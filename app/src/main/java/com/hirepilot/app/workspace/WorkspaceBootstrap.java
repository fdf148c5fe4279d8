package com.hirepilot.app.workspace;

import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.system.StartUpLocks;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first workspace and its owner on an empty database, so a fresh install has someone
 * who can call the recruiter API.
 */
@Service
public class WorkspaceBootstrap {

  private static final Logger log = LoggerFactory.getLogger(WorkspaceBootstrap.class);

  private final Workspaces workspaces;
  private final Recruiters recruiters;
  private final ApiTokens tokens;
  private final PasswordEncoder passwords;
  private final PortalProperties properties;
  private final Clock clock;
  private final StartUpLocks locks;

  WorkspaceBootstrap(
      Workspaces workspaces,
      Recruiters recruiters,
      ApiTokens tokens,
      PasswordEncoder passwords,
      PortalProperties properties,
      Clock clock,
      StartUpLocks locks) {
    this.locks = locks;
    this.workspaces = workspaces;
    this.recruiters = recruiters;
    this.tokens = tokens;
    this.passwords = passwords;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The owner just created, with the API token and the console password to reach them by (shown
   * once, only their hashes are stored).
   */
  public record Owner(
      Recruiter recruiter,
      String apiToken,
      boolean tokenWasGenerated,
      String password,
      boolean passwordWasGenerated) {}

  public boolean isEmpty() {
    return workspaces.count() == 0;
  }

  /**
   * Creates a workspace and its owner if the database has none. The owner's token is {@code
   * portal.bootstrap.token}, or a new random one when that is unset.
   *
   * <p>Several instances starting at once on one empty database create one workspace: each takes
   * the start-up lock before it looks, so the others look only after the first has committed.
   */
  @Transactional
  public Optional<Owner> createFirstWorkspace(String workspaceName, String ownerName) {
    locks.hold(StartUpLocks.FIRST_WORKSPACE);
    if (!isEmpty()) {
      return Optional.empty();
    }
    String configured = properties.bootstrap().token();
    boolean generate = configured == null || configured.isBlank();
    String token = generate ? TokenHashes.newToken() : configured.trim();
    String configuredPassword = properties.bootstrap().password();
    boolean generatePassword = configuredPassword == null || configuredPassword.isEmpty();
    String password =
        generatePassword
            ? RecruiterAccounts.newPassword()
            : RecruiterAccounts.checked(configuredPassword);
    Workspace workspace =
        workspaces.save(Workspace.create(Ids.next(), workspaceName, clock.instant()));
    Recruiter owner =
        recruiters.save(
            Recruiter.create(
                Ids.next(),
                workspace.id(),
                ownerName,
                properties.bootstrap().email(),
                passwords.encode(password),
                Recruiter.Role.ADMIN,
                clock.instant()));
    tokens.save(
        new ApiToken(
            Ids.next(),
            workspace.id(),
            owner.id(),
            "First token",
            TokenHashes.sha256(token),
            clock.instant(),
            null,
            null));
    log.info("Created workspace {} with owner {}", workspace.id(), owner.email());
    return Optional.of(new Owner(owner, token, generate, password, generatePassword));
  }
}
