package com.hirepilot.rex.brain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirepilot.rex.tools.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the tools said during one turn, each answer decoded once into the {@link Findings} record
 * its tool returns. Playbooks and the composer read these typed records; nothing downstream looks
 * at JSON. A result of another shape (a tool's error text) is kept as text only.
 */
final class Evidence {

  /** Reads tool results back into their records; a field added to a record later is no error. */
  private static final ObjectMapper READER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final Map<String, Class<?>> RECORDS =
      Map.ofEntries(
          Map.entry("submissionState", Findings.SubmissionState.class),
          Map.entry("collaboratorAccess", Findings.CollaboratorAccess.class),
          Map.entry("jobSubmissions", Findings.JobSubmissions.class),
          Map.entry("candidateSubmissions", Findings.CandidateSubmissions.class),
          Map.entry("emailDeliveries", Findings.EmailDeliveries.class),
          Map.entry("automationRuns", Findings.AutomationRuns.class),
          Map.entry("submissionAttachments", Findings.SubmissionAttachments.class),
          Map.entry("jobActivity", Findings.JobActivity.class),
          Map.entry("systemHealth", Findings.SystemHealth.class),
          Map.entry("myAccess", Findings.MyAccess.class),
          Map.entry("myJobs", Findings.MyJobs.class),
          Map.entry("portalStatus", Findings.PortalStatus.class),
          Map.entry("proposeAccessLinkResend", Findings.Proposal.class),
          Map.entry("proposeMyAccessLink", Findings.Proposal.class),
          Map.entry("proposeSubmissionResend", Findings.Proposal.class),
          Map.entry("proposeEscalation", Findings.Proposal.class),
          Map.entry("escalateSystemWideFailure", Findings.Escalation.class));

  /**
   * One tool call of the turn and what it answered.
   *
   * @param finding the decoded record, or null when the answer was not the tool's record
   */
  record Read(String tool, JsonNode arguments, Object finding) {

    boolean about(String argument, String value) {
      return value != null && value.equalsIgnoreCase(arguments.path(argument).asText(null));
    }
  }

  private final List<Read> reads;

  private Evidence(List<Read> reads) {
    this.reads = List.copyOf(reads);
  }

  static Evidence of(List<Read> reads) {
    return new Evidence(reads);
  }

  static Read decode(String tool, JsonNode arguments, JsonNode result) {
    Class<?> type = RECORDS.get(tool);
    Object finding = null;
    if (type != null && result != null && result.isObject()) {
      try {
        finding = READER.treeToValue(result, type);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        // Not this tool's record: nothing to read from it.
      }
    }
    return new Read(tool, arguments, finding);
  }

  boolean asked(String tool) {
    return reads.stream().anyMatch(r -> r.tool().equals(tool));
  }

  /** Whether one of these tools was asked about this value of this argument. */
  boolean askedAbout(String argument, String value, String... tools) {
    List<String> names = List.of(tools);
    return reads.stream().anyMatch(r -> names.contains(r.tool()) && r.about(argument, value));
  }

  <T> List<T> all(String tool, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Read r : reads) {
      if (r.tool().equals(tool) && type.isInstance(r.finding())) {
        out.add(type.cast(r.finding()));
      }
    }
    return out;
  }

  <T> T first(String tool, Class<T> type) {
    List<T> all = all(tool, type);
    return all.isEmpty() ? null : all.get(0);
  }

  List<Read> reads() {
    return reads;
  }

  Findings.CollaboratorAccess access() {
    return first("collaboratorAccess", Findings.CollaboratorAccess.class);
  }

  List<Findings.JobSubmissions> jobs() {
    return all("jobSubmissions", Findings.JobSubmissions.class);
  }

  Findings.SubmissionState state() {
    return first("submissionState", Findings.SubmissionState.class);
  }

  Findings.SubmissionAttachments attachments() {
    return first("submissionAttachments", Findings.SubmissionAttachments.class);
  }

  Findings.EmailDeliveries deliveries() {
    return first("emailDeliveries", Findings.EmailDeliveries.class);
  }

  Findings.SystemHealth health() {
    return first("systemHealth", Findings.SystemHealth.class);
  }

  Findings.PortalStatus portalStatus() {
    return first("portalStatus", Findings.PortalStatus.class);
  }

  Findings.MyJobs myJobs() {
    return first("myJobs", Findings.MyJobs.class);
  }
}
