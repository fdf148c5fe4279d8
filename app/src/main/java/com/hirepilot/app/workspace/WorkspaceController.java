package com.hirepilot.app.workspace;

import com.fasterxml.jackson.annotation.JsonSetter;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Recruiter API: the caller's workspace, its settings and its brand. */
@RestController
class WorkspaceController {

  private final WorkspaceSettings settings;
  private final AgencyBrands brands;

  WorkspaceController(WorkspaceSettings settings, AgencyBrands brands) {
    this.settings = settings;
    this.brands = brands;
  }

  /**
   * @param reminderSchedule the schedule new submissions follow
   * @param ownReminderSchedule whether it is the workspace's own rather than the default
   * @param magicLinkTtl how long invitation links in submission and reminder emails work
   * @param ownMagicLinkTtl whether that is the workspace's own rather than the default
   * @param dealStageOnInterview where an interview request moves the job's deal, or LEAVE
   * @param dealStageOnApproval where an approval moves it, or LEAVE
   */
  record WorkspaceView(
      String id,
      String name,
      String reminderSchedule,
      boolean ownReminderSchedule,
      String magicLinkTtl,
      boolean ownMagicLinkTtl,
      String dealStageOnInterview,
      String dealStageOnApproval,
      BrandView brand) {}

  /**
   * @param logoUrl the absolute, versioned address of the logo, or null without one
   */
  record BrandView(String name, String colour, String logoUrl) {}

  /**
   * A partial change: a field left out stays as it is. An explicit {@code null} or a blank value
   * returns a setting to its default (as {@code reminderSchedule} always did); a name cannot be
   * blank. Setters rather than a record, because only they tell "left out" from "null".
   */
  static final class SettingsChange {
    private String name;
    private String reminderSchedule;
    private String magicLinkTtl;
    private String brandColour;
    private String dealStageOnInterview;
    private String dealStageOnApproval;

    @JsonSetter("name")
    void name(String value) {
      name = value == null ? "" : value;
    }

    @JsonSetter("reminderSchedule")
    void reminderSchedule(String value) {
      reminderSchedule = value == null ? "" : value;
    }

    @JsonSetter("magicLinkTtl")
    void magicLinkTtl(String value) {
      magicLinkTtl = value == null ? "" : value;
    }

    @JsonSetter("brandColour")
    void brandColour(String value) {
      brandColour = value == null ? "" : value;
    }

    @JsonSetter("dealStageOnInterview")
    void dealStageOnInterview(String value) {
      dealStageOnInterview = value == null ? "" : value;
    }

    @JsonSetter("dealStageOnApproval")
    void dealStageOnApproval(String value) {
      dealStageOnApproval = value == null ? "" : value;
    }

    WorkspaceSettings.Change toChange() {
      return new WorkspaceSettings.Change(
          name,
          reminderSchedule,
          magicLinkTtl,
          brandColour,
          dealStageOnInterview,
          dealStageOnApproval);
    }
  }

  @GetMapping("/api/workspace")
  @Transactional(readOnly = true)
  WorkspaceView get() {
    return view(settings.workspace(CurrentRecruiter.get().workspaceId()));
  }

  @PatchMapping("/api/workspace")
  WorkspaceView change(@RequestBody SettingsChange body) {
    return view(settings.change(CurrentRecruiter.get().workspaceId(), body.toChange()));
  }

  /** The agency's logo: a PNG or JPEG of at most 512 KB, told by its bytes. */
  @PutMapping(path = "/api/workspace/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  WorkspaceView changeLogo(@RequestParam("file") MultipartFile file) {
    if (file.getSize() > WorkspaceSettings.MAX_LOGO_BYTES) {
      throw new LogoTooLargeException(); // before reading a byte of it
    }
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return view(settings.changeLogo(CurrentRecruiter.get().workspaceId(), content));
  }

  @DeleteMapping("/api/workspace/logo")
  ResponseEntity<Void> removeLogo() {
    settings.removeLogo(CurrentRecruiter.get().workspaceId());
    return ResponseEntity.noContent().build();
  }

  /** Two statements: the workspace, and its brand with the logo's version. */
  private WorkspaceView view(Workspace workspace) {
    AgencyBrand brand = brands.find(workspace.id()).orElse(AgencyBrand.UNKNOWN);
    DealFollowing deals = settings.dealFollowing(workspace);
    return new WorkspaceView(
        workspace.id(),
        workspace.name(),
        settings.reminderSchedule(workspace).text(),
        workspace.reminderSchedule() != null,
        settings.invitationLinkTtl(workspace).toString(),
        workspace.magicLinkTtl() != null,
        deals.onInterview(),
        deals.onApproval(),
        new BrandView(brand.name(), brand.colour(), brand.logoUrl()));
  }
}
