package com.hirepilot.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.AttachmentVersions;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.notification.AddressFlags;
import com.hirepilot.app.submission.RecruiterActions;
import com.hirepilot.app.submission.SubmissionDetails;
import com.hirepilot.app.submission.SubmissionOverview;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.rex.tools.Caller;
import com.hirepilot.rex.tools.ProposedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sending a submission email again, a recruiter's action only; with the newest files, each shared
 * file is swapped for the candidate's newest public file of its kind, chosen when it is proposed so
 * the person confirms the files that will go out.
 */
@Component
class SubmissionResendAction implements ProposedActionKind<ProposedAction.SubmissionResend> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JobCollaborators collaborators;
  private final SubmissionOverview overview;
  private final CandidateFiles candidateFiles;
  private final RecruiterActions recruiterActions;
  private final AddressFlags flags;

  SubmissionResendAction(
      JobCollaborators collaborators,
      SubmissionOverview overview,
      CandidateFiles candidateFiles,
      RecruiterActions recruiterActions,
      AddressFlags flags) {
    this.collaborators = collaborators;
    this.overview = overview;
    this.candidateFiles = candidateFiles;
    this.recruiterActions = recruiterActions;
    this.flags = flags;
  }

  @Override
  public Check check(Caller caller, ProposedAction.SubmissionResend s) {
    if (caller.isClient()) {
      return Check.refused("only a recruiter can resend.");
    }
    SubmissionDetails details;
    try {
      details = overview.of(caller.workspaceId(), s.submissionId());
    } catch (NotFoundException e) {
      return Check.refused("there is no such submission here.");
    }
    if (details.summary().status().isFinal()) {
      return Check.refused(
          "the submission is "
              + details.summary().status().name().toLowerCase().replace('_', ' ')
              + ", so there is nothing to resend.");
    }
    List<Collaborator> recipients = collaborators.activeOnJob(details.summary().jobId());
    Map<String, AddressFlags.Flag> flagged =
        flags.among(caller.workspaceId(), recipients.stream().map(Collaborator::email).toList());
    if (!recipients.isEmpty() && flagged.size() == recipients.size()) {
      Collaborator c = recipients.get(0);
      return Check.refused(ProposedActionKind.flaggedReason(c, flagged.values().iterator().next()));
    }
    ObjectNode payload = JSON.createObjectNode();
    payload.put("submissionId", s.submissionId());
    List<String> newNames = new ArrayList<>();
    if (s.withNewestFiles()) {
      List<Attachment> all = candidateFiles.attachmentsOf(details.summary().candidateId());
      List<String> files = AttachmentVersions.of(all).newestPublicFiles(details.attachmentIds());
      if (!files.equals(details.attachmentIds())) {
        payload.set("attachmentIds", JSON.valueToTree(files));
        for (Attachment a : all) {
          if (files.contains(a.id()) && !details.attachmentIds().contains(a.id())) {
            newNames.add(a.filename());
          }
        }
      }
    }
    String summary =
        "resend the submission of "
            + details.summary().candidateName()
            + " for \u201c"
            + details.summary().jobTitle()
            + "\u201d"
            + (newNames.isEmpty() ? "" : " with " + String.join(", ", newNames));
    return Check.ready(payload, summary);
  }

  @Override
  public Done run(Caller caller, String actionId, JsonNode payload) {
    List<String> files = null;
    if (payload.has("attachmentIds")) {
      files = new ArrayList<>();
      for (JsonNode id : payload.path("attachmentIds")) {
        files.add(id.asText());
      }
    }
    var resent =
        recruiterActions.resend(
            new CurrentRecruiter(
                caller.userId(), caller.workspaceId(), caller.name(), caller.email()),
            payload.path("submissionId").asText(),
            files,
            null);
    return new Done(
        "The submission email is going out again (round " + resent.round() + ").", null);
  }
}
