package com.hirepilot.app.workspace;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recruiter API for the team and API tokens, the same as the console's Team and API tokens pages. A
 * secret (a new token, a first password) is in the answer that creates it and nowhere else.
 */
@RestController
class TeamController {

  private final RecruiterAccounts accounts;

  TeamController(RecruiterAccounts accounts) {
    this.accounts = accounts;
  }

  record Member(String id, String name, String email, Recruiter.Role role, Instant createdAt) {

    static Member of(Recruiter r) {
      return new Member(r.id(), r.name(), r.email(), r.role(), r.createdAt());
    }
  }

  record NewMember(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 320) String email,
      Recruiter.Role role) {}

  /**
   * @param firstPassword the new recruiter's console password until they change it; shown once
   */
  record AddedMember(
      String id, String name, String email, Recruiter.Role role, String firstPassword) {}

  record NewToken(@NotBlank @Size(max = 100) String name) {}

  /**
   * @param token the token itself, only in this answer
   */
  record CreatedToken(String id, String name, String token, Instant createdAt) {}

  @GetMapping("/api/recruiters")
  List<Member> team() {
    return accounts.team(CurrentRecruiter.get().workspaceId()).stream().map(Member::of).toList();
  }

  /** Adds a recruiter to the workspace; admins only (403 otherwise). */
  @PostMapping("/api/recruiters")
  ResponseEntity<AddedMember> add(@Valid @RequestBody NewMember body) {
    RecruiterAccounts.NewMember added =
        accounts.addRecruiter(CurrentRecruiter.admin(), body.name(), body.email(), body.role());
    Recruiter r = added.recruiter();
    return ResponseEntity.created(URI.create("/api/recruiters/" + r.id()))
        .body(new AddedMember(r.id(), r.name(), r.email(), r.role(), added.firstPassword()));
  }

  /** The caller's tokens; an admin sees the whole workspace's. */
  @GetMapping("/api/tokens")
  List<RecruiterAccounts.TokenListing> tokens() {
    return accounts.tokens(CurrentRecruiter.get(), CurrentRecruiter.isAdmin());
  }

  @PostMapping("/api/tokens")
  ResponseEntity<CreatedToken> createToken(@Valid @RequestBody NewToken body) {
    RecruiterAccounts.IssuedToken issued =
        accounts.createToken(CurrentRecruiter.get(), body.name());
    ApiToken t = issued.record();
    return ResponseEntity.created(URI.create("/api/tokens/" + t.id()))
        .body(new CreatedToken(t.id(), t.name(), issued.token(), t.createdAt()));
  }

  /** Revokes a token at once; another recruiter's token (unless admin) answers 404. */
  @DeleteMapping("/api/tokens/{tokenId}")
  ResponseEntity<Void> revoke(@PathVariable @com.hirepilot.app.system.ResourceId String tokenId) {
    accounts.revokeToken(CurrentRecruiter.get(), CurrentRecruiter.isAdmin(), tokenId);
    return ResponseEntity.noContent().build();
  }
}
