package com.hirepilot.app.workspace;

import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's team: recruiters, their console passwords and their API tokens. Secrets (a new
 * token, a first password) are returned once to whoever created them and only their hashes stay.
 */
@Service
public class RecruiterAccounts {

  /**
   * NIST SP 800-63B: at least 8 characters when chosen by the person, length over composition
   * rules. 12 here because a recruiter's account reaches every candidate's personal data. The upper
   * bound is bcrypt's 72-byte input limit.
   */
  public static final int MIN_PASSWORD_LENGTH = 12;

  public static final int MAX_PASSWORD_BYTES = 72;

  private final Recruiters recruiters;
  private final ApiTokens tokens;
  private final PasswordEncoder passwords;
  private final Clock clock;

  RecruiterAccounts(
      Recruiters recruiters, ApiTokens tokens, PasswordEncoder passwords, Clock clock) {
    this.recruiters = recruiters;
    this.tokens = tokens;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** A token just created: {@code token} is its only appearance. */
  public record IssuedToken(ApiToken record, String token) {}

  /** A token as the console lists it, with its owner's name. */
  public record TokenListing(
      String id,
      String name,
      String recruiterId,
      String recruiterName,
      Instant createdAt,
      Instant revokedAt) {

    public boolean active() {
      return revokedAt == null;
    }
  }

  /** A recruiter just added, with the first password to hand them (shown once). */
  public record NewMember(Recruiter recruiter, String firstPassword) {}

  @Transactional(readOnly = true)
  public List<Recruiter> team(String workspaceId) {
    return recruiters.findByWorkspaceIdOrderByName(workspaceId);
  }

  /** Adds a recruiter to the caller's workspace; the caller must be an admin. */
  @Transactional
  public NewMember addRecruiter(
      CurrentRecruiter admin, String name, String email, Recruiter.Role role) {
    String address = Recruiter.normalisedEmail(email);
    if (recruiters.findByEmail(address).isPresent()) {
      throw new InvalidInputException("email", "a recruiter with this email already exists");
    }
    String firstPassword = newPassword();
    Recruiter recruiter =
        recruiters.save(
            Recruiter.create(
                Ids.next(),
                admin.workspaceId(),
                name.strip(),
                address,
                passwords.encode(firstPassword),
                role == null ? Recruiter.Role.RECRUITER : role,
                clock.instant()));
    return new NewMember(recruiter, firstPassword);
  }

  /** Changes a colleague's role; an admin cannot demote the workspace's last admin. */
  @Transactional
  public Recruiter changeRole(CurrentRecruiter admin, String recruiterId, Recruiter.Role role) {
    Recruiter recruiter = member(admin.workspaceId(), recruiterId);
    if (recruiter.role() == Recruiter.Role.ADMIN
        && role != Recruiter.Role.ADMIN
        && team(admin.workspaceId()).stream().filter(r -> r.role() == Recruiter.Role.ADMIN).count()
            == 1) {
      throw new InvalidInputException("role", "the workspace needs at least one admin");
    }
    return recruiters.save(recruiter.withRole(role));
  }

  /**
   * A new first password for a colleague who forgot theirs, made by an admin and shown to them
   * once. Their sessions end, because they were signed in with the old one.
   */
  @Transactional
  public NewMember resetPassword(CurrentRecruiter admin, String recruiterId) {
    Recruiter recruiter = member(admin.workspaceId(), recruiterId);
    String firstPassword = newPassword();
    Recruiter saved = recruiters.save(recruiter.withPasswordHash(passwords.encode(firstPassword)));
    return new NewMember(saved, firstPassword);
  }

  /** The recruiter's own password change; the current one must be right. */
  @Transactional
  public void changePassword(String recruiterId, String current, String replacement) {
    Recruiter recruiter = recruiters.findById(recruiterId).orElseThrow();
    if (recruiter.passwordHash() == null
        || current == null
        || !passwords.matches(current, recruiter.passwordHash())) {
      throw new InvalidInputException("currentPassword", "the current password is not right");
    }
    recruiters.save(recruiter.withPasswordHash(passwords.encode(checked(replacement))));
  }

  /** Sets a password without knowing the old one: for the first owner only. */
  @Transactional
  public void setPassword(String recruiterId, String password) {
    Recruiter recruiter = recruiters.findById(recruiterId).orElseThrow();
    recruiters.save(recruiter.withPasswordHash(passwords.encode(checked(password))));
  }

  @Transactional
  public IssuedToken createToken(CurrentRecruiter owner, String name) {
    String token = TokenHashes.newToken();
    ApiToken saved =
        tokens.save(
            new ApiToken(
                Ids.next(),
                owner.workspaceId(),
                owner.recruiterId(),
                name.strip(),
                TokenHashes.sha256(token),
                clock.instant(),
                null,
                null));
    return new IssuedToken(saved, token);
  }

  /** The workspace's tokens for an admin; a recruiter sees only their own. */
  @Transactional(readOnly = true)
  public List<TokenListing> tokens(CurrentRecruiter caller, boolean admin) {
    Map<String, String> names =
        team(caller.workspaceId()).stream()
            .collect(Collectors.toMap(Recruiter::id, Recruiter::name));
    return tokens.findByWorkspaceIdOrderByCreatedAtDesc(caller.workspaceId()).stream()
        .filter(t -> admin || t.recruiterId().equals(caller.recruiterId()))
        .map(
            t ->
                new TokenListing(
                    t.id(),
                    t.name(),
                    t.recruiterId(),
                    names.get(t.recruiterId()),
                    t.createdAt(),
                    t.revokedAt()))
        .toList();
  }

  /**
   * Revokes a token at once: the next request with it answers 401. An admin may revoke any of the
   * workspace's tokens, a recruiter their own; any other token is "not found".
   */
  @Transactional
  public void revokeToken(CurrentRecruiter caller, boolean admin, String tokenId) {
    ApiToken token =
        tokens
            .findById(tokenId)
            .filter(t -> t.workspaceId().equals(caller.workspaceId()))
            .filter(t -> admin || t.recruiterId().equals(caller.recruiterId()))
            .orElseThrow(() -> new NotFoundException("API token"));
    tokens.revoke(token.id(), caller.workspaceId(), clock.instant());
  }

  /** Checks a password against the rules above, answering a 422 that says which one failed. */
  public static String checked(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
      throw new InvalidInputException(
          "password", "use at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw new InvalidInputException(
          "password", "use at most " + MAX_PASSWORD_BYTES + " bytes (about 60 characters)");
    }
    return password;
  }

  /** A first password to hand over: 120 random bits, easy to copy, to be changed after sign-in. */
  public static String newPassword() {
    return TokenHashes.newToken().substring(0, 20);
  }

  private Recruiter member(String workspaceId, String recruiterId) {
    return recruiters
        .findById(recruiterId)
        .filter(r -> r.workspaceId().equals(workspaceId))
        .orElseThrow(() -> new NotFoundException("Recruiter"));
  }
}
