package com.hirepilot.app.workspace;

import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.system.PortalProperties;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's settings, and the defaults from configuration they override. Every change goes
 * through {@link #authorizeChange}, the one place that decides who may change them.
 */
@Service
public class WorkspaceSettings {

  /**
   * The shortest invitation link a workspace may choose: a client who opens the email after a
   * meeting still gets in.
   */
  public static final Duration SHORTEST_INVITATION = Duration.ofHours(1);

  /**
   * The longest: a forwarded or leaked email should not open the portal weeks later, and a client
   * who comes back after two weeks asks for a fresh link in one step.
   */
  public static final Duration LONGEST_INVITATION = Duration.ofDays(14);

  /** A logo is shown at 40 pixels high; half a megabyte is plenty and keeps emails light. */
  public static final int MAX_LOGO_BYTES = 512 * 1024;

  /**
   * Raster images only. SVG is refused: it is a document that can carry script and links, served to
   * anyone without sign-in.
   */
  private static final Set<String> LOGO_TYPES = Set.of("image/png", "image/jpeg");

  private static final Tika TIKA = new Tika();

  /**
   * A change of settings; a null field is left as it is.
   *
   * @param name the agency's name, 1 to 200 characters
   * @param reminderSchedule comma-separated ISO-8601 durations; blank returns to the default
   * @param magicLinkTtl an ISO-8601 duration from PT1H to P14D; blank returns to the default
   * @param brandColour {@code #RRGGBB}; blank returns to the default
   * @param dealStageOnInterview a deal stage or {@code LEAVE}; blank returns to the default
   * @param dealStageOnApproval a deal stage or {@code LEAVE}; blank returns to the default
   */
  public record Change(
      String name,
      String reminderSchedule,
      String magicLinkTtl,
      String brandColour,
      String dealStageOnInterview,
      String dealStageOnApproval) {

    public Change(String name, String reminderSchedule, String magicLinkTtl, String brandColour) {
      this(name, reminderSchedule, magicLinkTtl, brandColour, null, null);
    }
  }

  private final Workspaces workspaces;
  private final WorkspaceLogos logos;
  private final PortalProperties properties;
  private final Clock clock;
  private final ReminderSchedule defaultSchedule;
  private final DealStageChoices dealStages;

  WorkspaceSettings(
      Workspaces workspaces,
      WorkspaceLogos logos,
      PortalProperties properties,
      Clock clock,
      DealStageChoices dealStages) {
    this.dealStages = dealStages;
    this.workspaces = workspaces;
    this.logos = logos;
    this.properties = properties;
    this.clock = clock;
    try {
      this.defaultSchedule = new ReminderSchedule(properties.reminders().schedule());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "portal.reminders.schedule (PORTAL_REMINDERS_SCHEDULE) is invalid: " + e.getMessage(), e);
    }
  }

  public ReminderSchedule defaultReminderSchedule() {
    return defaultSchedule;
  }

  /** The schedule new submissions of this workspace follow. */
  public ReminderSchedule reminderSchedule(String workspaceId) {
    return reminderSchedule(workspace(workspaceId));
  }

  ReminderSchedule reminderSchedule(Workspace workspace) {
    String own = workspace.reminderSchedule();
    return own == null ? defaultSchedule : ReminderSchedule.parse(own);
  }

  /**
   * How long the invitation links in this workspace's submission and reminder emails work: its own
   * setting, else {@code portal.magic-link.ttl}. Links a client asks for themselves stay short
   * whatever this says.
   */
  public Duration invitationLinkTtl(String workspaceId) {
    return workspaces
        .findById(workspaceId)
        .map(this::invitationLinkTtl)
        .orElse(properties.magicLink().ttl());
  }

  Duration invitationLinkTtl(Workspace workspace) {
    String own = workspace.magicLinkTtl();
    return own == null ? properties.magicLink().ttl() : Duration.parse(own);
  }

  /**
   * Where the workspace's client decisions move a connected deal: its own choice or the default.
   */
  public DealFollowing dealFollowing(String workspaceId) {
    return workspaces.findById(workspaceId).map(this::dealFollowing).orElse(dealStages.defaults());
  }

  public DealFollowing dealFollowing(Workspace workspace) {
    DealFollowing defaults = dealStages.defaults();
    return new DealFollowing(
        workspace.dealStageOnInterview() == null
            ? defaults.onInterview()
            : workspace.dealStageOnInterview(),
        workspace.dealStageOnApproval() == null
            ? defaults.onApproval()
            : workspace.dealStageOnApproval());
  }

  /** The values a deal-stage setting accepts: every deal stage, then {@code LEAVE}. */
  public java.util.List<String> dealStageChoices() {
    return java.util.stream.Stream.concat(
            dealStages.stages().stream(), java.util.stream.Stream.of(DealFollowing.LEAVE))
        .toList();
  }

  public Workspace workspace(String workspaceId) {
    return workspaces.findById(workspaceId).orElseThrow(() -> new NotFoundException("Workspace"));
  }

  /**
   * Only an admin of the workspace changes its settings (403 for a recruiter); the caller's own
   * workspace is the only one they reach.
   */
  void authorizeChange(String workspaceId) {
    CurrentRecruiter admin = CurrentRecruiter.admin();
    if (!admin.workspaceId().equals(workspaceId)) {
      throw new NotFoundException("Workspace");
    }
  }

  /**
   * Applies a change of settings: every field is checked first, and nothing is written unless all
   * of them are valid. Submissions already sent keep the schedule they started with.
   */
  @Transactional
  public Workspace change(String workspaceId, Change change) {
    authorizeChange(workspaceId);
    Workspace workspace = workspace(workspaceId);
    if (change.name() != null) {
      String name = change.name().strip();
      if (name.isEmpty() || name.length() > 200) {
        throw new InvalidInputException("name", "the name must be 1 to 200 characters");
      }
      workspace = workspace.withName(name);
    }
    if (change.reminderSchedule() != null) {
      workspace = workspace.withReminderSchedule(parseSchedule(change.reminderSchedule()));
    }
    if (change.magicLinkTtl() != null) {
      workspace = workspace.withMagicLinkTtl(parseTtl(change.magicLinkTtl()));
    }
    if (change.brandColour() != null) {
      workspace = workspace.withBrandColour(parseColour(change.brandColour()));
    }
    if (change.dealStageOnInterview() != null || change.dealStageOnApproval() != null) {
      workspace =
          workspace.withDealStages(
              change.dealStageOnInterview() == null
                  ? workspace.dealStageOnInterview()
                  : parseDealStage("dealStageOnInterview", change.dealStageOnInterview()),
              change.dealStageOnApproval() == null
                  ? workspace.dealStageOnApproval()
                  : parseDealStage("dealStageOnApproval", change.dealStageOnApproval()));
    }
    return workspaces.save(workspace);
  }

  /**
   * Stores the agency's logo, replacing any other. Its type is detected from the bytes: the name
   * and the type the upload claims are ignored.
   */
  @Transactional
  public Workspace changeLogo(String workspaceId, byte[] content) {
    authorizeChange(workspaceId);
    Workspace workspace = workspace(workspaceId);
    if (content.length == 0) {
      throw new InvalidInputException("file", "the file is empty");
    }
    if (content.length > MAX_LOGO_BYTES) {
      throw new LogoTooLargeException();
    }
    String type = TIKA.detect(content);
    if (!LOGO_TYPES.contains(type)) {
      throw new InvalidInputException(
          "file", "a logo must be a PNG or JPEG image (this file's content is " + type + ")");
    }
    logos.put(workspaceId, type, content, sha256(content), clock.instant());
    return workspace;
  }

  @Transactional
  public void removeLogo(String workspaceId) {
    authorizeChange(workspaceId);
    workspace(workspaceId);
    logos.remove(workspaceId);
  }

  private static ReminderSchedule parseSchedule(String schedule) {
    if (schedule.isBlank()) {
      return null;
    }
    try {
      return ReminderSchedule.parse(schedule);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("reminderSchedule", e.getMessage());
    }
  }

  private static Duration parseTtl(String text) {
    if (text.isBlank()) {
      return null;
    }
    Duration ttl;
    try {
      ttl = Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "magicLinkTtl", "'" + text.strip() + "' is not an ISO-8601 duration such as PT72H");
    }
    if (ttl.compareTo(SHORTEST_INVITATION) < 0 || ttl.compareTo(LONGEST_INVITATION) > 0) {
      throw new InvalidInputException(
          "magicLinkTtl", "an invitation link must live between PT1H and P14D");
    }
    return ttl;
  }

  private static String parseColour(String colour) {
    if (colour.isBlank()) {
      return null;
    }
    try {
      return BrandColour.parse(colour);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("brandColour", e.getMessage());
    }
  }

  private String parseDealStage(String field, String stage) {
    if (stage.isBlank()) {
      return null;
    }
    String wanted = stage.strip().toUpperCase(java.util.Locale.ROOT);
    if (!dealStageChoices().contains(wanted)) {
      throw new InvalidInputException(
          field,
          "'"
              + stage.strip()
              + "' is not a deal stage; one of "
              + String.join(", ", dealStageChoices()));
    }
    return wanted;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
