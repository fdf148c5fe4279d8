package com.hirepilot.app.submission.internal;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.notification.EmailSamples;
import com.hirepilot.app.submission.Submission;
import com.hirepilot.app.submission.SubmissionComment;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.workspace.Recruiter;
import com.hirepilot.workflows.submission.ClientDecision;
import com.hirepilot.workflows.submission.Decision;
import com.hirepilot.workflows.submission.SubmissionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A submission's emails for the console's preview, built by {@link ClientEmails} and {@link
 * RecruiterEmails} from a made-up job, candidate and client that exist only in memory.
 */
@Component
@Order(1)
class SubmissionEmailSamples implements EmailSamples {

  /** The sample's IDs say what they are wherever they show (a console link in the email). */
  private static final String SAMPLE = "sample";

  private final ClientEmails clientEmails;
  private final RecruiterEmails recruiterEmails;
  private final ReplyEmails replyEmails;
  private final AutomationEmails automationEmails;
  private final PortalProperties properties;
  private final Clock clock;

  SubmissionEmailSamples(
      ClientEmails clientEmails,
      RecruiterEmails recruiterEmails,
      ReplyEmails replyEmails,
      AutomationEmails automationEmails,
      PortalProperties properties,
      Clock clock) {
    this.automationEmails = automationEmails;
    this.clientEmails = clientEmails;
    this.recruiterEmails = recruiterEmails;
    this.replyEmails = replyEmails;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public List<Sample> samples() {
    return List.of(
        new Sample(
            "submission",
            "New candidate",
            "Client",
            "A recruiter submits a candidate to a job: one email to each collaborator.",
            sender ->
                clientEmails.submission(context(sender, 1), files(sender), client(sender), link())),
        new Sample(
            "submission-update",
            "Updated submission (round 2)",
            "Client",
            "A recruiter resends a submission with new files or a new message.",
            sender ->
                clientEmails.submission(context(sender, 2), files(sender), client(sender), link())),
        new Sample(
            "reminder",
            "Reminder",
            "Client",
            "The client has not decided when a reminder of the schedule is due.",
            sender -> clientEmails.reminder(context(sender, 1), client(sender), link(), 1, 2)),
        new Sample(
            "last-reminder",
            "Last reminder",
            "Client",
            "The last reminder of the schedule; the recruiter follows up after it.",
            sender -> clientEmails.reminder(context(sender, 1), client(sender), link(), 2, 2)),
        new Sample(
            "no-response",
            "No response alert",
            "Recruiter",
            "Every reminder went unanswered.",
            sender ->
                recruiterEmails.noResponseAlert(context(sender, 1), List.of(client(sender)), 2)),
        new Sample(
            "decision",
            "Client decision",
            "Recruiter",
            "A client approves, rejects or asks for an interview (here: an interview).",
            sender ->
                recruiterEmails.decision(
                    context(sender, 1),
                    new ClientDecision(
                        SAMPLE,
                        client(sender).displayName(),
                        Decision.REQUEST_INTERVIEW,
                        "Strong on streaming. We would like to meet Jordan this week.",
                        "Tue 10:00–12:00\nThu afternoon"))),
        new Sample(
            "comment",
            "Client comment",
            "Recruiter",
            "A client comments on a candidate.",
            sender -> recruiterEmails.comments(context(sender, 1), comments(sender).subList(0, 1))),
        new Sample(
            "comment-digest",
            "Client comments digest",
            "Recruiter",
            "Several comments within the digest window arrive as one email.",
            sender -> recruiterEmails.comments(context(sender, 1), comments(sender))),
        new Sample(
            "recruiter-reply",
            "Recruiter's reply",
            "Client",
            "The recruiter answers in the conversation; replies within the digest window arrive"
                + " as one email.",
            sender ->
                replyEmails.replies(context(sender, 1), client(sender), replies(sender), link())),
        new Sample(
            "automation",
            "Automation rule email",
            "Recruiter or team",
            "An automation rule with an EMAIL action fires (here: on an approval).",
            sender ->
                automationEmails.email(
                    context(sender, 1),
                    sender.recruiterEmail(),
                    "Tell the team about approvals",
                    "APPROVED",
                    "Great fit for the platform team.\nPlease send an offer by Friday.")));
  }

  private List<SubmissionComment> replies(EmailSamples.Sender sender) {
    return List.of(
        new SubmissionComment(
            SAMPLE,
            SAMPLE,
            null,
            sender.recruiterName(),
            "Yes: two years of Flink at her last company.\nHer notice period is four weeks.",
            clock.instant(),
            null));
  }

  private SubmissionContext context(EmailSamples.Sender sender, int round) {
    Instant now = clock.instant();
    Submission submission =
        new Submission(
            SAMPLE,
            sender.workspaceId(),
            SAMPLE,
            SAMPLE,
            SAMPLE,
            "Jordan led the move of Parcelly's order events to Kafka and cut their nightly batch"
                + " from six hours to twenty minutes.\n\nHappy to set up a call this week.",
            SubmissionStatus.AWAITING_FEEDBACK,
            null,
            null,
            null,
            null,
            null,
            "P2D,P5D",
            round,
            now,
            0,
            0,
            false,
            null,
            null,
            null,
            Set.of(),
            null,
            now);
    Job job =
        new Job(
            SAMPLE,
            sender.workspaceId(),
            SAMPLE,
            "Senior Data Engineer",
            null,
            null,
            "Berlin or remote",
            "Globex Corporation",
            false,
            null,
            now);
    Candidate candidate =
        new Candidate(
            SAMPLE,
            sender.workspaceId(),
            "Jordan Rivera",
            "Staff Data Engineer",
            "Parcelly",
            List.of(
                new Candidate.Skill("Kafka"),
                new Candidate.Skill("Spark"),
                new Candidate.Skill("Airflow")),
            "Eight years building streaming pipelines; leads a team of four.",
            null,
            null,
            null,
            null,
            now);
    Recruiter recruiter =
        new Recruiter(
            SAMPLE,
            sender.workspaceId(),
            sender.recruiterName(),
            sender.recruiterEmail(),
            null,
            Recruiter.Role.RECRUITER,
            null,
            now);
    return new SubmissionContext(submission, job, candidate, recruiter);
  }

  private Collaborator client(EmailSamples.Sender sender) {
    return new Collaborator(
        SAMPLE,
        sender.workspaceId(),
        SAMPLE,
        "casey.morgan@globex.example",
        "Casey Morgan",
        Collaborator.Status.ACTIVE,
        null,
        clock.instant());
  }

  private List<Attachment> files(EmailSamples.Sender sender) {
    return List.of(
        new Attachment(
            SAMPLE,
            sender.workspaceId(),
            SAMPLE,
            Attachment.Kind.RESUME,
            "Jordan-Rivera-CV.pdf",
            "application/pdf",
            182_000,
            true,
            1,
            SAMPLE,
            null,
            clock.instant()));
  }

  private List<SubmissionComment> comments(EmailSamples.Sender sender) {
    Instant now = clock.instant();
    return List.of(
        new SubmissionComment(
            SAMPLE,
            SAMPLE,
            SAMPLE,
            "Casey Morgan",
            "Does Jordan have experience with Flink as well?",
            now.minus(Duration.ofMinutes(4)),
            null),
        new SubmissionComment(
            SAMPLE,
            SAMPLE,
            SAMPLE,
            "Casey Morgan",
            "Also: what notice period would they have?\nWe would need someone by March.",
            now.minus(Duration.ofMinutes(2)),
            null));
  }

  /** A sign-in link that is none: the preview issues nothing. */
  private String link() {
    return properties.link("/portal/login?token=" + SAMPLE);
  }
}
