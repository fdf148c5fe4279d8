package com.hirepilot.app.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.app.candidate.Candidate;
import com.hirepilot.app.candidate.CandidateDirectory;
import com.hirepilot.app.job.Job;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.system.PortalProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SLACK {url}: posts a message to a Slack incoming webhook (or anything that takes its format, such
 * as Mattermost's): who, which job, what happened, the client's reason, and a link to the
 * submission in the console. Names come from the candidate and job features' own reads. Every text
 * a person typed is escaped for Slack's mrkdwn, so a reason cannot ping {@code <!channel>} or
 * disguise a link.
 */
@Component
class SlackPerformer implements ActionPerformer {

  private final OutboundHttp http;
  private final ObjectMapper json;
  private final CandidateDirectory candidates;
  private final JobService jobs;
  private final PortalProperties portal;

  SlackPerformer(
      OutboundHttp http,
      ObjectMapper json,
      CandidateDirectory candidates,
      JobService jobs,
      PortalProperties portal) {
    this.http = http;
    this.json = json;
    this.candidates = candidates;
    this.jobs = jobs;
    this.portal = portal;
  }

  @Override
  public ActionType type() {
    return ActionType.SLACK;
  }

  @Override
  public void perform(ActionRun run) {
    byte[] body = body(run);
    http.post(
        run.action().setting("url"),
        Map.of("Content-Type", "application/json", "User-Agent", WebhookPerformer.USER_AGENT),
        body);
  }

  byte[] body(ActionRun run) {
    LifecycleEventOccurred event = run.event();
    String candidate =
        candidates.find(event.candidateId()).map(Candidate::name).orElse("A candidate");
    Job job = jobs.find(event.jobId()).orElse(null);
    String jobName =
        job == null
            ? "a job"
            : job.clientCompany() == null || job.clientCompany().isBlank()
                ? job.title()
                : job.title() + " at " + job.clientCompany();
    String link = portal.link("/console/submissions/" + event.submissionId());
    String headline = headline(event, "*" + escape(candidate) + "*", "*" + escape(jobName) + "*");

    List<Map<String, Object>> blocks = new ArrayList<>();
    blocks.add(section(headline));
    String text = headline;
    if (run.reason() != null && !run.reason().isBlank()) {
      String quoted = "> " + escape(run.reason().strip()).replace("\n", "\n> ");
      blocks.add(section("The client's reason:\n" + quoted));
      text += "\nThe client's reason: " + escape(run.reason().strip());
    }
    blocks.add(section("<" + link + "|Open the submission in the console>"));
    text += "\n" + link;

    Map<String, Object> message = new LinkedHashMap<>();
    message.put("text", text);
    message.put("blocks", blocks);
    try {
      return json.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of strings always serializes", e);
    }
  }

  /** What happened, in words. */
  static String headline(LifecycleEventOccurred event, String candidate, String job) {
    return switch (event.trigger()) {
      case SUBMISSION_SENT -> candidate + " was submitted for " + job + ".";
      case COMMENTED -> "The client commented on " + candidate + " for " + job + ".";
      case INTERVIEW_REQUESTED ->
          "The client asked to interview " + candidate + " for " + job + ".";
      case APPROVED -> "The client approved " + candidate + " for " + job + ".";
      case REJECTED -> "The client rejected " + candidate + " for " + job + ".";
      case WITHDRAWN -> candidate + " was withdrawn from " + job + ".";
      case NO_RESPONSE -> "The client has not answered about " + candidate + " for " + job + ".";
      default -> candidate + " for " + job + ": " + event.trigger().name() + ".";
    };
  }

  private static Map<String, Object> section(String mrkdwn) {
    return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", mrkdwn));
  }

  /** Slack's mrkdwn control characters: the only escaping it asks for. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
