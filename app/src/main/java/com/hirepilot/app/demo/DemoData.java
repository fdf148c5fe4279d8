package com.hirepilot.app.demo;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.candidate.CandidateProfiles;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.submission.Submission;
import com.hirepilot.app.submission.SubmittingCandidates;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.app.workspace.Recruiter;
import com.hirepilot.app.workspace.WorkspaceBootstrap;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Seeds the demo workspace on an empty database and says where to click. */
@Component
class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  /** The demo job's client collaborator; later starts tell how to get her a fresh link. */
  static final String DEMO_CLIENT_EMAIL = "casey.client@acme.example";

  private final WorkspaceBootstrap bootstrap;
  private final JobService jobs;
  private final JobCollaborators collaborators;
  private final CandidateProfiles candidateProfiles;
  private final CandidateFiles candidateFiles;
  private final SubmittingCandidates submissions;
  private final PortalProperties properties;
  private final KeptDataBanner keptData;

  DemoData(
      WorkspaceBootstrap bootstrap,
      JobService jobs,
      JobCollaborators collaborators,
      CandidateProfiles candidateProfiles,
      CandidateFiles candidateFiles,
      SubmittingCandidates submissions,
      PortalProperties properties,
      KeptDataBanner keptData) {
    this.bootstrap = bootstrap;
    this.jobs = jobs;
    this.collaborators = collaborators;
    this.candidateProfiles = candidateProfiles;
    this.candidateFiles = candidateFiles;
    this.submissions = submissions;
    this.properties = properties;
    this.keptData = keptData;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  void seedIfEmpty() {
    if (!properties.demo().enabled()) {
      return;
    }
    var created = bootstrap.createFirstWorkspace("Northwind Talent (demo)", "Riley Recruiter");
    if (created.isEmpty()) {
      // Not the first start: the demo email went to the previous run's in-memory mailbox.
      keptData.print();
      return;
    }
    Recruiter owner = created.get().recruiter();
    var recruiter =
        new CurrentRecruiter(owner.id(), owner.workspaceId(), owner.name(), owner.email());
    Job job =
        jobs.create(
            recruiter,
            "Senior Backend Engineer",
            "Build the services behind Acme's warehouse robots: fleet scheduling, telemetry and"
                + " the APIs our operators use every day.",
            "5+ years of Java or Kotlin; distributed systems; on-call experience.",
            "Berlin or remote (EU)",
            "Acme Robotics",
            true);
    collaborators.add(owner.workspaceId(), job.id(), DEMO_CLIENT_EMAIL, "Casey Client");

    Candidate jordan =
        candidateProfiles.create(
            owner.workspaceId(),
            "Jordan Lee",
            "Staff Software Engineer",
            "Parcelly",
            List.of("Java", "Temporal", "PostgreSQL", "Kubernetes"),
            "Led the rewrite of Parcelly's dispatch engine onto durable workflows; cut failed"
                + " deliveries by a third. Mentors four engineers.",
            "jordan.lee@mail.example",
            "+49 30 1234 5678",
            "Wants 95k+. Interviewing at two other places; move fast.");
    Attachment resume =
        attachResume(
            owner.workspaceId(),
            jordan,
            List.of(
                "Parcelly - Staff Software Engineer (2021-now)",
                "Dispatch engine on Temporal and PostgreSQL; 40 services.",
                "Shipwise - Senior Engineer (2017-2021)"));
    Candidate priya =
        candidateProfiles.create(
            owner.workspaceId(),
            "Priya Raman",
            "Senior Backend Engineer",
            "Fleetbase",
            List.of("Kotlin", "Kafka", "AWS"),
            "Owns Fleetbase's telemetry pipeline (2M events/min).",
            "priya.raman@mail.example",
            "+44 20 7946 0000",
            "Prefers remote. Notice period 3 months.");
    attachResume(
        owner.workspaceId(),
        priya,
        List.of("Fleetbase - Senior Backend Engineer (2019-now)", "Telemetry on Kafka and AWS."));

    Submission submission =
        submissions.submit(
            recruiter,
            job.id(),
            jordan.id(),
            "Jordan is the strongest match we have seen for this role: they built exactly the"
                + " kind of dispatch system you described. Available to interview next week.",
            List.of(resume.id()));
    log.info("Demo data created: job {}, submission {}", job.id(), submission.id());
    printWhereToClick(created.get(), job);
  }

  private Attachment attachResume(String workspaceId, Candidate candidate, List<String> lines) {
    byte[] pdf = DemoResumes.resume(candidate.name(), candidate.title(), lines);
    return candidateFiles.attach(
        workspaceId,
        candidate.id(),
        candidate.name().replace(' ', '-') + "-resume.pdf",
        new ByteArrayInputStream(pdf),
        pdf.length,
        Attachment.Kind.RESUME,
        true);
  }

  /** The first start's banner: the demo email is in the mailbox and the token is shown once. */
  private void printWhereToClick(WorkspaceBootstrap.Owner owner, Job job) {
    StartBanner banner = new StartBanner("HirePilot Client Portal is running, with new demo data.");
    if (properties.mail().embedded()) {
      banner.step(
          "Mailbox (every email lands here): " + properties.link("/mailbox"),
          "Open \"New candidate for Senior Backend Engineer\" and click View candidate.");
    }
    banner.step("Client portal: " + properties.link("/portal"));
    banner.step(
        "Recruiter console: "
            + properties.link("/console")
            + " — sign in as "
            + owner.recruiter().email()
            + " with "
            + (owner.passwordWasGenerated()
                ? "password " + owner.password()
                : "the value of PORTAL_BOOTSTRAP_PASSWORD"),
        owner.passwordWasGenerated()
            ? new String[] {
              "(shown once; change it under Your account, or set PORTAL_BOOTSTRAP_PASSWORD on a"
                  + " fresh data dir)"
            }
            : new String[0]);
    banner.step(
        "Recruiter API token for "
            + owner.recruiter().email()
            + ": "
            + (owner.tokenWasGenerated()
                ? owner.apiToken()
                : "the value of PORTAL_BOOTSTRAP_TOKEN"),
        owner.tokenWasGenerated()
            ? new String[] {
              "(shown once; set PORTAL_BOOTSTRAP_TOKEN on a fresh data dir to choose it)",
              curlJob(job)
            }
            : new String[] {curlJob(job)});
    banner.note("Data directory: " + dataDirectory());
    log.info(banner.toString());
  }

  private String curlJob(Job job) {
    return "curl -H 'Authorization: Bearer <token>' " + properties.link("/api/jobs/" + job.id());
  }

  private String dataDirectory() {
    return properties.dataDir().toAbsolutePath().normalize().toString();
  }
}
