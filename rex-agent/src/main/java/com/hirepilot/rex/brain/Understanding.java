package com.hirepilot.rex.brain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the offline brain makes of one message: the intent (or none) and the identifiers in it.
 * Rules, not a model: each intent is a few patterns over the words users actually type, checked in
 * an order where the more specific request wins (a resend request mentions a link; a system-wide
 * outage mentions buttons).
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

  private static final Pattern UUID =
      Pattern.compile(
          "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
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

  private static final List<Rule> RULES =
      List.of(
          // Before the outage and email rules: a receiver "answering 500" is one rule's
          // trouble, and a Slack "message never arrived" is no email.
          new Rule(
              Intent.AUTOMATION_NOT_FIRED,
              "\\b(slack|webhooks?|automations?|rules?|workflow automation)\\b[^.?!\\n]{0,50}"
                  + "\\b(didn'?t|never|not|n'?t|no longer|stopped|fail\\w*|error\\w*)\\b"
                  + "[^.?!\\n]{0,25}\\b(fire[ds]?|firing|run|ran|running|trigger\\w*|arriv\\w*"
                  + "|work\\w*|sen[dt]|post\\w*|deliver\\w*|go(ne)? out|c[ao]me( through)?|show\\w* up"
                  + "|happen\\w*)\\b",
              "\\b(didn'?t|never|not|n'?t|no longer)\\b[^.?!\\n]{0,20}\\b(fire[ds]?|firing)\\b",
              "\\b(didn'?t|never|hasn'?t|haven'?t|isn'?t|wasn'?t)\\b[^.?!\\n]{0,30}\\b(slack|webhooks?"
                  + "|automations?|rules?)\\b[^.?!\\n]{0,30}\\b(fire|run|trigger|arrive|go out|post"
                  + "|send|work)\\b",
              "\\b(slack|webhooks?)\\b[^.?!\\n]{0,40}\\b(fail\\w*|errors?|500|50[234]|40[0-9]|missing"
                  + "|never came|never arrived|not arriving|isn'?t arriving|not received)\\b",
              "\\b(automation|rule) runs?\\b[^.?!\\n]{0,30}\\b(fail\\w*|errors?|stuck)\\b"),
          new Rule(
              Intent.SYSTEM_WIDE_FAILURE,
              "\\b(all|every|none of|no one of|nobody of|each of|any of) (my |our |the |of )*"
                  + "(clients?|users|customers|hiring managers)\\b",
              "\\b(portal|site|system|it)( is| seems)? (down|offline)\\b",
              "\\boutage\\b",
              "\\b(500|5xx|502|503|504)\\b",
              "\\bserver errors?\\b",
              "\\b(system|portal|site)[- ]wide\\b",
              "\\bfor (everyone|anyone|everybody|anybody)\\b",
              "\\beveryone (is|says|can)",
              "\\bnothing loads\\b",
              "\\bglobally\\b"),
          new Rule(
              Intent.ESCALATE,
              "\\bescalat",
              "\\b(open|file|raise|create|log|submit)( me)? an?( support| urgent)? (ticket|case)\\b",
              "\\bsupport ticket\\b",
              "\\b(real|actual) (person|human)\\b",
              "\\btalk to (a person|someone|a human|a manager|support)\\b",
              "\\b(dev|development|engineering|tech) team\\b",
              "\\bengineering\\b"),
          new Rule(
              Intent.RESEND_SUBMISSION,
              "\\bre-?send\\b[^.?!\\n]{0,40}\\b(submission|sub|candidate|resume|cv|profile)\\b",
              "\\bre-?send (sub|submission)\\b",
              "\\b(push|send)\\b[^.?!\\n]{0,60}\\b(submission|sub|candidate)\\b[^.?!\\n]{0,80}"
                  + "\\bagain\\b"),
          new Rule(
              Intent.RESEND_ACCESS_LINK,
              "\\b(re-?send|send|email|new|fresh|another)\\b[^.?!\\n]{0,40}\\b(link|access email|"
                  + "login email|sign[- ]?in email)\\b"),
          new Rule(
              Intent.OUTDATED_RESUME,
              "\\b(old|older|outdated|out of date|out-of-date|wrong|previous|stale|earlier)\\b"
                  + "[^.?!\\n]{0,30}\\b(resume|résumé|cv|one)\\b",
              "\\b(resume|résumé|cv)\\b[^.?!\\n]{0,40}\\b(old|outdated|out of date|wrong|stale"
                  + "|not (the )?latest|not updated)\\b",
              "\\bnew (resume|cv)\\b[^.?!\\n]{0,60}\\bstill\\b"),
          new Rule(
              Intent.ATTACHMENT_DOWNLOAD,
              "\\bdownload",
              "\\b(attachment|file|pdf|portfolio|sample)s?\\b[^.?!\\n]{0,40}\\b(won'?t|will not"
                  + "|can'?t|cannot|doesn'?t|does not|not) (open|load|work)",
              "\\b(can'?t|cannot|unable to) (open|get) (the |an? |her |his |their )?"
                  + "(attachment|file|pdf|portfolio)"),
          new Rule(
              Intent.BUTTONS_NOT_WORKING,
              "\\bbuttons?\\b",
              "\\b(approve|reject|request interview|feedback|decision)\\b[^.?!\\n]{0,40}"
                  + "\\b((?:not|\\w+n't) working|doesn'?t work|does nothing|nothing happens|broken|dead"
                  + "|greyed|grayed|isn'?t doing|won'?t|fails?|failing)\\b",
              "\\b(can'?t|cannot|unable to) (approve|reject|request an? interview|leave feedback"
                  + "|comment)\\b"),
          new Rule(
              Intent.NO_CANDIDATES,
              "\\bno candidates?\\b",
              "\\bzero candidates\\b",
              "\\bcandidates? (list )?(is |are )?(empty|missing|gone|blank)\\b",
              "\\bportal is empty\\b",
              "\\b(don'?t|doesn'?t|can'?t|cannot|do not|does not) see (anyone|any ?one|any of"
                  + "|the candidates?|my candidates?|any candidates?|him|her)\\b",
              "\\bno one (is )?(in|showing)\\b",
              "\\bnot (showing|visible)\\b[^.?!\\n]{0,20}\\bcandidate",
              "\\bcandidates?\\b[^.?!\\n]{0,20}\\bnot (showing|visible|there)\\b"),
          new Rule(
              Intent.EMAIL_NOT_RECEIVED,
              "\\b(never|not|n'?t|didn'?t|did not|isn'?t|hasn'?t|haven'?t|no)\\b[^.?!\\n]{0,25}"
                  + "\\b(receiv\\w*|get"
                  + "|getting|got|arriv\\w*|coming)\\b[^.?!\\n]{0,40}\\b(e-?mails?|mails?|"
                  + "messages?|notifications?)\\b",
              "\\b(e-?mails?|mails?)\\b[^.?!\\n]{0,30}\\b(not arriving|never arrived|never came"
                  + "|not received|not coming|missing|didn'?t arrive|not delivered|bounc\\w+"
                  + "|stuck)\\b",
              "\\b(inbox|spam|junk)\\b",
              // A bounce of mail, not a sign-in page that "bounces her back".
              "\\b(hard[- ]?bounce\\w*|bounced|bounces|bouncing)\\b(?!\\s+(me|her|him|them|us)\\b)"
                  + "(?![^.?!\\n]{0,20}\\bback\\b)",
              "\\b(e-?mails?|mails?|messages?|address)\\b[^.?!\\n]{0,30}\\b(deferred|dropped"
                  + "|flagged|retrying|undeliver\\w*)\\b",
              "\\b(delivery|deliveries)\\b[^.?!\\n]{0,20}\\b(status|log|failed|failing|problem)"),
          new Rule(
              Intent.ACCESS_PROBLEM,
              "\\b(can'?t|cannot|can not|couldn'?t|unable to|not able to) (get in|log ?in|sign ?in"
                  + "|access|get into|open the portal|get to the portal)\\b",
              "\\baccess denied\\b",
              "\\blink\\b[^.?!\\n]{0,25}\\b(dead|invalid|expired|broken|(?:not|\\w+n't) working|doesn'?t work"
                  + "|no longer works|is bad)\\b",
              "\\b(dead|invalid|expired|broken) link\\b",
              "\\bexpired\\b",
              "\\b(kick\\w*|log\\w*|throw\\w*) (me|her|him|them) out\\b",
              "\\b(sign|log) ?in again\\b",
              "\\bbounc\\w+ (me|her|him|them)? ?back\\b",
              "\\blocked out\\b",
              "\\b(page|screen) is blank\\b",
              "\\bno longer works\\b",
              "\\byour access has ended\\b"),
          new Rule(
              Intent.SUBMISSION_STATUS,
              "\\bstatus\\b",
              "\\bdid (the client|she|he|they|my client)\\b[^.?!\\n]{0,20}\\b(approve|reject"
                  + "|decide|look|respond|answer|see)",
              "\\b(looked at|heard back|go through|still (says )?pending)\\b",
              "\\bwhere (does|do) (it|the submission|things) stand\\b"),
          new Rule(
              Intent.JOB_ACTIVITY,
              "\\bactivity\\b(?! feed)",
              "\\bwhat'?s (been )?happening\\b",
              "\\banything (new )?happened\\b",
              "\\bwhat happened on\\b"));

  /** Questions about how things work, not reports that something is broken. */
  private static final Pattern HOW_TO_OPENING =
      Pattern.compile(
          "^(how|what|which|where|when|who|can i|can we|can clients?|can the|could i|do i|do"
              + " clients?|does|is it|is there|are|will|should|why do|explain|tell me|give me"
              + "|set up|show me how)\\b");

  private static final Pattern TROUBLE =
      Pattern.compile(
          "\\b(can'?t|cannot|won'?t|isn'?t|doesn'?t|didn'?t|(?:not|\\w+n't) working|never|error|stuck"
              + "|broken|expired|invalid|wrong|old|empty|blank|nothing|fail\\w*|down|missing)\\b");

  public static Understanding read(String text) {
    String lower = normalize(text);
    List<String> emails = new ArrayList<>();
    Matcher em = EMAIL.matcher(text);
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
    Matcher id = UUID.matcher(text);
    while (id.find()) {
      String value = id.group().toLowerCase(Locale.ROOT);
      String before = normalize(text.substring(Math.max(0, id.start() - 24), id.start())).trim();
      if (before.matches(".*\\b(submission|sub)( id)?[:#]?$")) {
        submissionId = value;
      } else if ((before.matches(".*\\b(job|req|job req|job-req|requisition)( id)?[:#]?$")
          || before.endsWith("/jobs/"))) {
        jobId = value;
      } else if (before.matches(".*\\bcandidate( id)?[:#]?$")) {
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
        intentOf(lower),
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

  static Intent intentOf(String lower) {
    // A question that names a record ("what's the status of submission …?") is about that
    // record, however it opens; only a question about no record in particular is a how-to.
    boolean namesARecord = UUID.matcher(lower).find() || EMAIL.matcher(lower).find();
    boolean howTo =
        HOW_TO_OPENING.matcher(lower).find() && !TROUBLE.matcher(lower).find() && !namesARecord;
    if (howTo) {
      return Intent.HOW_TO;
    }
    // An address is one word to the rules: its dots would otherwise end the sentence that a
    // rule reads across ("the email to ana@client.test bounced").
    String words = EMAIL.matcher(lower).replaceAll("someone");
    for (Rule rule : RULES) {
      if (rule.matches(words)) {
        return rule.intent;
      }
    }
    return null;
  }

  private static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replace('’', '\'')
        .replace('‘', '\'')
        .replaceAll("\\bcant\\b", "can't")
        .replaceAll("\\bwont\\b", "won't")
        .replaceAll("\\bdont\\b", "don't")
        .replaceAll("\\bdoesnt\\b", "doesn't")
        .replaceAll("\\bdidnt\\b", "didn't")
        .replaceAll("\\bisnt\\b", "isn't")
        .replaceAll("\\bsubmision", "submission")
        // One spelling for each negation, so that every rule written with "doesn't" also
        // reads "does not".
        .replaceAll("\\bdoes not\\b", "doesn't")
        .replaceAll("\\bdo not\\b", "don't")
        .replaceAll("\\bdid not\\b", "didn't")
        .replaceAll("\\bis not\\b", "isn't")
        .replaceAll("\\bwill not\\b", "won't")
        .replaceAll("\\bcan not\\b", "can't")
        .replaceAll("\\bcannot\\b", "can't")
        .replaceAll("\\s+", " ")
        .trim();
  }

  private record Rule(Intent intent, List<Pattern> patterns) {
    Rule(Intent intent, String... patterns) {
      this(intent, java.util.Arrays.stream(patterns).map(Pattern::compile).toList());
    }

    boolean matches(String text) {
      return patterns.stream().anyMatch(p -> p.matcher(text).find());
    }
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

  public String email() {
    return emails.isEmpty() ? null : emails.get(0);
  }
}
