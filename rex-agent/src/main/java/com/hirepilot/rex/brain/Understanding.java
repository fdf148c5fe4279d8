package com.hirepilot.rex.brain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the offline brain makes of one message: the intent ({@link IntentRules}, or none) and the
 * identifiers in it. A portal address counts as the IDs in it: {@code /portal/jobs/<job>} names a
 * job, {@code /portal/submissions/<id>} and {@code #submission-<id>} a submission.
 */
public record Understanding(
    Intent intent,
    List<String> emails,
    String jobId,
    String submissionId,
    String candidateId,
    List<String> unlabelledIds,
    String portalUrl,
    String browser,
    String errorMessage,
    boolean wantsLatestResume) {

  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"')]+");
  private static final Pattern BROWSER =
      Pattern.compile(
          "\\b(chrome|chromium|firefox|safari|edge|opera|brave|internet explorer)\\b(\\s*\\d+)?"
              + "([^.\\n]{0,40}?\\b(windows( \\d+)?|mac ?os|macos|mac|ios|iphone|ipad|android"
              + "|linux|ubuntu)\\b)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern QUOTED = Pattern.compile("[\"“'‘]([^\"”'’\\n]{4,200})[\"”'’]");
  private static final Pattern ERROR_AFTER =
      Pattern.compile("(?i)\\b(?:error|says|message)\\s*[:=]\\s*([^\\n]{4,200})");

  public static Understanding read(String text) {
    String lower = IntentRules.normalize(text);
    List<String> emails = new ArrayList<>();
    Matcher em = IntentRules.EMAIL.matcher(text);
    while (em.find()) {
      String e = em.group().toLowerCase(Locale.ROOT);
      if (!emails.contains(e)) {
        emails.add(e);
      }
    }
    String jobId = null;
    String submissionId = null;
    String candidateId = null;
    List<String> unlabelled = new ArrayList<>();
    Matcher id = IntentRules.UUID.matcher(text);
    while (id.find()) {
      String value = id.group().toLowerCase(Locale.ROOT);
      String before =
          IntentRules.normalize(text.substring(Math.max(0, id.start() - 24), id.start())).trim();
      if (before.matches(".*\\b(submission|sub)( id)?[:#-]?$")
          || before.endsWith("/submissions/")) {
        submissionId = value;
      } else if ((before.matches(".*\\b(job|req|job req|job-req|requisition)( id)?[:#]?$")
          || before.endsWith("/jobs/"))) {
        jobId = value;
      } else if (before.matches(".*\\b(candidate|cand)( id)?[:#]?$")
          || before.endsWith("/candidates/")) {
        candidateId = value;
      } else {
        unlabelled.add(value);
      }
    }
    String url = null;
    Matcher u = URL.matcher(text);
    if (u.find()) {
      url = u.group().replaceAll("[.,;]+$", "");
    }
    String browser = null;
    Matcher b = BROWSER.matcher(text);
    if (b.find()) {
      browser = b.group().trim();
    }
    String error = null;
    Matcher q = QUOTED.matcher(text);
    if (q.find()) {
      error = q.group(1).trim();
    } else {
      Matcher a = ERROR_AFTER.matcher(text);
      if (a.find()) {
        error = a.group(1).trim();
      }
    }
    boolean latest =
        lower.matches(
            "(?s).*\\b(new|newest|latest|updated|current|fresh|recent)\\b[^.?!]{0,20}"
                + "\\b(resume|résumé|cv|version|file)\\b.*");
    return new Understanding(
        IntentRules.intentOf(lower),
        emails,
        jobId,
        submissionId,
        candidateId,
        unlabelled,
        url,
        browser,
        error,
        latest);
  }

  /** This message's identifiers, with gaps filled from an earlier message of the same issue. */
  public Understanding orElse(Understanding earlier) {
    if (earlier == null) {
      return this;
    }
    List<String> allEmails = new ArrayList<>(emails);
    earlier.emails.stream().filter(e -> !allEmails.contains(e)).forEach(allEmails::add);
    List<String> ids = new ArrayList<>(unlabelledIds);
    earlier.unlabelledIds.stream().filter(i -> !ids.contains(i)).forEach(ids::add);
    return new Understanding(
        intent != null ? intent : earlier.intent,
        allEmails,
        jobId != null ? jobId : earlier.jobId,
        submissionId != null ? submissionId : earlier.submissionId,
        candidateId != null ? candidateId : earlier.candidateId,
        ids,
        portalUrl != null ? portalUrl : earlier.portalUrl,
        browser != null ? browser : earlier.browser,
        errorMessage != null ? errorMessage : earlier.errorMessage,
        wantsLatestResume || earlier.wantsLatestResume);
  }

  /** The same identifiers under another intent. */
  public Understanding withIntent(Intent other) {
    return new Understanding(
        other,
        emails,
        jobId,
        submissionId,
        candidateId,
        unlabelledIds,
        portalUrl,
        browser,
        errorMessage,
        wantsLatestResume);
  }

  /** The job ID, or an unlabelled ID when the issue is about a job. */
  public String job() {
    return jobId != null ? jobId : unlabelledIds.isEmpty() ? null : unlabelledIds.get(0);
  }

  /** The submission ID, or an unlabelled ID when the issue is about a submission. */
  public String submission() {
    return submissionId != null
        ? submissionId
        : unlabelledIds.isEmpty() ? null : unlabelledIds.get(0);
  }

  /** Whether the message names a record by its ID (a job, submission or candidate). */
  public boolean namesARecord() {
    return jobId != null || submissionId != null || candidateId != null || !unlabelledIds.isEmpty();
  }

  public String email() {
    return emails.isEmpty() ? null : emails.get(0);
  }
}
