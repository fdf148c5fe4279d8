package com.hirepilot.rex.brain;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.rex.brain.OfflineBrain.Turn;
import com.hirepilot.rex.knowledge.KnowledgeBase;
import com.hirepilot.rex.knowledge.Section;
import com.hirepilot.rex.tools.Findings;
import com.hirepilot.rex.tools.Untrusted;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the offline brain's answer: the support script that fits, what the checks found, the fix
 * from the cited section, the proposed action, and what is still needed. Plain text; the pages and
 * the API escape it.
 */
final class Composer {

  private final KnowledgeBase knowledge;
  private final Turn turn;

  Composer(KnowledgeBase knowledge, Turn turn) {
    this.knowledge = knowledge;
    this.turn = turn;
  }

  String answer() {
    Section section = OfflineBrain.sectionFor(knowledge, turn);
    Intent intent = turn.intent();
    if (intent == null && turn.understanding().emails().isEmpty() && isSmallTalk()) {
      return Scripts.INTRO
          + " Tell me what is going wrong (a client who cannot sign in, missing candidates,"
          + " an old resume, buttons, downloads or emails) and I will check it.";
    }
    List<String> parts = new ArrayList<>();
    String opener = opener(intent);
    if (opener != null) {
      parts.add(opener);
    }
    List<String> found = findings();
    if (!found.isEmpty()) {
      parts.add("What I found:\n" + bullets(found));
    }
    String meaning = diagnosis(intent);
    if (meaning != null) {
      parts.add("What it means: " + meaning);
    }
    List<String> missing = missing(intent);
    // What the records show can narrow the fix: a bounced address, a relay that is retrying.
    Section narrower = narrowerSection(intent);
    if (section != null) {
      boolean howTo = intent == Intent.HOW_TO || intent == null;
      // Support's fix is written for the agency (API calls, records); a client gets the
      // section's steps for clients instead.
      String fix =
          narrower != null
              ? narrower.part("Fix")
              : section.part(turn.client() ? "For the client" : "Fix");
      if (fix == null) {
        fix = howTo ? body(section) : section.lead();
      }
      if (turn.client()) {
        fix = withoutAgencyApi(fix);
      }
      parts.add((howTo ? "" : turn.client() ? "What you can do:\n" : "How to fix it:\n") + fix);
    }
    List<String> actions = actions();
    if (!actions.isEmpty()) {
      parts.add(String.join("\n", actions));
    }
    if (!missing.isEmpty()) {
      parts.add("To check this for you, I need " + joinAnd(missing) + ".");
    }
    if (section != null) {
      parts.add(
          "Source: ["
              + section.ref()
              + "]"
              + (narrower == null ? "" : ", [" + narrower.ref() + "]"));
    }
    return String.join("\n\n", parts).trim();
  }

  /**
   * The section whose fix fits what the tools found better than the issue's own section, or null.
   * Only for support (a client never gets the agency's fixes) and only when it has a fix.
   */
  private Section narrowerSection(Intent intent) {
    if (intent != Intent.EMAIL_NOT_RECEIVED || turn.client()) {
      return null;
    }
    DeliveryReading reading = deliveryReading();
    if (reading == null || reading.verdict().section() == null) {
      return null;
    }
    return knowledge
        .find(reading.verdict().section())
        .filter(s -> s.part("Fix") != null)
        .orElse(null);
  }

  /** The delivery log this turn read, or null when it did not. */
  private DeliveryReading deliveryReading() {
    Findings.EmailDeliveries log = turn.first("emailDeliveries", Findings.EmailDeliveries.class);
    return log == null ? null : DeliveryReading.of(log);
  }

  /** The rules' run log this turn read, or null when it did not. */
  private AutomationReading automationReading() {
    Findings.AutomationRuns log = turn.first("automationRuns", Findings.AutomationRuns.class);
    return log == null ? null : AutomationReading.of(log, turn.question());
  }

  /** What the findings say about the cause, in one or two sentences; null when they say nothing. */
  private String diagnosis(Intent intent) {
    if (intent == null || turn.client()) {
      return null;
    }
    switch (intent) {
      case ACCESS_PROBLEM, RESEND_ACCESS_LINK, BUTTONS_NOT_WORKING -> {
        if (!turn.asked("collaboratorAccess")) {
          return null;
        }
        JsonNode access = turn.first("collaboratorAccess");
        JsonNode active = null;
        boolean removed = false;
        for (JsonNode m : access.path("memberships")) {
          if ("ACTIVE".equals(m.path("status").asText())) {
            active = m;
          } else {
            removed = true;
          }
        }
        if (active == null) {
          return removed
              ? "they were removed from the job, so their links and sessions stopped working."
                  + " Add them again if that was a mistake."
              : "the address is on no job here, so no link can work. Check the spelling, then add"
                  + " them as a collaborator.";
        }
        return switch (active.path("lastLinkState").asText("NONE")) {
          case "EXPIRED" -> "their last link expired. A fresh link fixes it.";
          case "USED" ->
              "their last link was already used (each link signs in once, and a mail scanner or"
                  + " another device may have used it). A fresh link fixes it.";
          case "VALID" ->
              "their last link still works, so the link is not the cause: they may be opening an"
                  + " older email, a cut-off link, or a browser that blocks cookies. A fresh link"
                  + " and another browser usually settle it.";
          default -> "no sign-in link has been sent to them yet. Send one.";
        };
      }
      case NO_CANDIDATES -> {
        for (JsonNode job : turn.all("jobSubmissions")) {
          if (!job.path("found").asBoolean()) {
            return null;
          }
          int visible = 0;
          int all = 0;
          for (JsonNode sub : job.path("submissions")) {
            all++;
            visible += sub.path("visibleToClients").asBoolean() ? 1 : 0;
          }
          if (all == 0) {
            return "nothing has been submitted to this job yet, so the portal is right to be empty."
                + " Submit the candidate to this job.";
          }
          if (visible == 0) {
            return "every submission to this job was withdrawn. Submit the candidate again if the"
                + " client should see them.";
          }
          if (job.path("activeCollaborators").asInt() == 0) {
            return "the job has candidates but no active collaborator. Add the client to the job.";
          }
          return "the job does show candidates to its clients. The client is probably looking at"
              + " another job or signed in with another address; check the job in their address"
              + " bar and their email.";
        }
        return null;
      }
      case OUTDATED_RESUME -> {
        if (!turn.asked("submissionAttachments")) {
          return null;
        }
        return turn.first("submissionAttachments").path("newerResumeNotShared").asBoolean()
            ? "the client sees an older resume because the submission still shares it. Resending"
                + " with the newest resume fixes it."
            : "the newest resume is already the one shared. Ask the client to reload the page; if"
                + " the candidate has a newer CV, upload it first, then resend.";
      }
      case ATTACHMENT_DOWNLOAD -> {
        if (!turn.asked("submissionAttachments")) {
          return null;
        }
        List<String> privateShared = new ArrayList<>();
        for (JsonNode f : turn.first("submissionAttachments").path("files")) {
          if (f.path("shared").asBoolean() && !f.path("isPublic").asBoolean()) {
            privateShared.add(f.path("filename").asText());
          }
        }
        boolean publicCopy =
            turn.first("submissionAttachments").path("newerPublicFileNotShared").asBoolean();
        if (privateShared.isEmpty()) {
          return "the shared files are public, so permissions are not the cause. If a file will"
              + " not open, upload it again (it may be corrupted) and resend.";
        }
        return joinAnd(privateShared)
            + " is private, so clients cannot download it. "
            + (publicCopy
                ? "A public version exists: resending with the newest files fixes it."
                : "Upload it again with public=true, then resend the submission with it.");
      }
      case EMAIL_NOT_RECEIVED -> {
        DeliveryReading reading = deliveryReading();
        return reading == null ? null : reading.diagnosis();
      }
      case AUTOMATION_NOT_FIRED -> {
        AutomationReading reading = automationReading();
        return reading == null ? null : reading.diagnosis();
      }
      default -> {
        return null;
      }
    }
  }

  private boolean isSmallTalk() {
    String q = turn.question().trim().toLowerCase(Locale.ROOT);
    return q.isEmpty()
        || q.matches("(hi|hello|hey|help|thanks|thank you|good (morning|afternoon))[ !.?rex]*");
  }

  private String opener(Intent intent) {
    if (intent == null) {
      return null;
    }
    boolean client = turn.client();
    return switch (intent) {
      case ACCESS_PROBLEM, RESEND_ACCESS_LINK -> Scripts.ACCESS;
      case NO_CANDIDATES -> Scripts.SUBMISSION_VISIBILITY;
      case OUTDATED_RESUME ->
          client
              ? "Sorry about that. The portal shows the files your recruiter shared with the"
                  + " submission; a newer resume appears once they resend it."
              : "The portal shows the files shared with the submission, so a newer resume"
                  + " reaches the client only when the submission is resent with it.";
      case BUTTONS_NOT_WORKING ->
          "Let's find out why the feedback buttons are not responding, and whether it is only"
              + " this client.";
      case ATTACHMENT_DOWNLOAD ->
          "Clients can download only files marked public on a submission they can see.";
      case EMAIL_NOT_RECEIVED -> "Let's see what happened to the email.";
      case AUTOMATION_NOT_FIRED ->
          client ? null : "Let's see what the rule's run log says: every run is on record.";
      case SUBMISSION_STATUS -> client ? "Here is where your candidates stand." : null;
      case JOB_ACTIVITY -> null;
      case SYSTEM_WIDE_FAILURE -> null;
      case ESCALATE ->
          "I can open a ticket for the support team with everything they need to act on it.";
      case RESEND_SUBMISSION -> Scripts.SUBMISSION_VISIBILITY;
      case HOW_TO -> howToOpener();
    };
  }

  private String howToOpener() {
    String q = turn.question().toLowerCase(Locale.ROOT);
    if (q.contains("tour") || q.contains("what is the portal") || q.contains("what's the portal")) {
      return Scripts.INTRO;
    }
    if (q.matches("(?s).*\\b(edit|change|modify|delete|add or remove)\\b.*")
        && q.contains("client")) {
      return Scripts.ROLES;
    }
    return null;
  }

  private List<String> missing(Intent intent) {
    List<String> missing = new ArrayList<>();
    if (intent == null) {
      return missing;
    }
    Understanding u = turn.understanding();
    if (turn.client()) {
      if (intent == Intent.ESCALATE) {
        missing.addAll(missingTicketFields(turn, true));
      }
      return missing;
    }
    switch (intent) {
      case ACCESS_PROBLEM, RESEND_ACCESS_LINK, EMAIL_NOT_RECEIVED -> {
        if (u.email() == null) {
          missing.add("the client's email address");
        } else if (needsJob()) {
          missing.add("the job ID (the client is on several jobs)");
        }
      }
      case NO_CANDIDATES -> {
        if (u.job() == null && u.email() == null) {
          missing.add("the job ID or the client's email address");
        } else if (u.email() == null
            && OfflineBrain.jobShowingCandidates(turn.all("jobSubmissions")) != null) {
          missing.add("the client's email address, to send them a fresh link to this job");
        }
      }
      case OUTDATED_RESUME, ATTACHMENT_DOWNLOAD, SUBMISSION_STATUS, RESEND_SUBMISSION -> {
        if (u.submission() == null) {
          missing.add(
              "the submission ID (from the recruiter API, or the #submission-… part of the"
                  + " portal address)");
        }
      }
      case JOB_ACTIVITY -> {
        if (u.job() == null) {
          missing.add("the job ID");
        }
      }
      case ESCALATE -> missing.addAll(missingTicketFields(turn, false));
      default -> {}
    }
    return missing;
  }

  private boolean needsJob() {
    JsonNode access = turn.first("collaboratorAccess");
    int active = 0;
    for (JsonNode m : access.path("memberships")) {
      if ("ACTIVE".equals(m.path("status").asText())) {
        active++;
      }
    }
    return active > 1 && turn.understanding().job() == null;
  }

  static List<String> missingTicketFields(Turn turn, boolean client) {
    Understanding u = turn.understanding();
    List<String> missing = new ArrayList<>();
    if (!client && u.job() == null) {
      missing.add("the job REQ ID");
    }
    if (!client && u.email() == null) {
      missing.add("the client's email address");
    }
    if (u.errorMessage() == null) {
      missing.add("the exact error message shown (in quotes)");
    }
    if (u.browser() == null) {
      missing.add("the browser and system (for example \"Chrome 120 on Windows 11\")");
    }
    return missing;
  }

  private List<String> findings() {
    List<String> lines = new ArrayList<>();
    for (JsonNode access : turn.all("collaboratorAccess")) {
      lines.addAll(access(access));
    }
    for (JsonNode job : turn.all("jobSubmissions")) {
      lines.add(jobSubmissions(job));
    }
    for (JsonNode state : turn.all("submissionState")) {
      lines.add(submissionState(state));
    }
    for (Findings.EmailDeliveries log :
        turn.all("emailDeliveries", Findings.EmailDeliveries.class)) {
      lines.addAll(DeliveryReading.of(log).findings());
    }
    for (Findings.AutomationRuns log : turn.all("automationRuns", Findings.AutomationRuns.class)) {
      lines.addAll(AutomationReading.of(log, turn.question()).findings());
    }
    for (JsonNode files : turn.all("submissionAttachments")) {
      lines.addAll(attachments(files));
    }
    for (JsonNode activity : turn.all("jobActivity")) {
      lines.addAll(activity(activity));
    }
    for (JsonNode health : turn.all("systemHealth")) {
      lines.add(health(health));
    }
    for (JsonNode me : turn.all("myAccess")) {
      lines.add(myAccess(me));
    }
    for (JsonNode mine : turn.all("myJobs")) {
      lines.addAll(myJobs(mine));
    }
    for (JsonNode status : turn.all("portalStatus")) {
      lines.add(status.path("summary").asText("No known portal-wide problem right now."));
    }
    return lines;
  }

  private List<String> actions() {
    List<String> lines = new ArrayList<>();
    DeliveryReading reading =
        turn.intent() == Intent.EMAIL_NOT_RECEIVED && !turn.client() ? deliveryReading() : null;
    String instead =
        reading == null
            ? null
            : reading.nextStep(turn.first("collaboratorAccess", Findings.CollaboratorAccess.class));
    if (instead != null) {
      lines.add(instead);
    }
    for (String tool :
        List.of(
            "proposeAccessLinkResend",
            "proposeMyAccessLink",
            "proposeSubmissionResend",
            "proposeEscalation")) {
      for (JsonNode p : turn.all(tool)) {
        if (p.path("proposed").asBoolean()) {
          lines.add(
              "Proposed action: "
                  + p.path("summary").asText()
                  + ". Nothing happens until you confirm it.");
        } else if (p.hasNonNull("reason")) {
          lines.add("I could not propose that: " + p.path("reason").asText());
        }
      }
    }
    for (JsonNode e : turn.all("escalateSystemWideFailure")) {
      if (e.path("opened").asBoolean()) {
        lines.add(
            "This looks system-wide, so I escalated it at once: ticket "
                + e.path("ticketId").asText()
                + " is open with the support team.");
      } else if (e.hasNonNull("reason")) {
        lines.add(e.path("reason").asText());
      }
    }
    return lines;
  }

  private List<String> access(JsonNode access) {
    String email = access.path("email").asText();
    List<String> lines = new ArrayList<>();
    if (!access.path("memberships").elements().hasNext()) {
      lines.add(
          email
              + " is not a collaborator on any job in this workspace. Add them to the job"
              + " (check the spelling of the address first).");
      return lines;
    }
    for (JsonNode m : access.path("memberships")) {
      String job = quoted(m.path("jobTitle").asText()) + " (job " + m.path("jobId").asText() + ")";
      if (!"ACTIVE".equals(m.path("status").asText())) {
        lines.add(email + " was removed from " + job + "; their links and sessions were revoked.");
        continue;
      }
      String link =
          switch (m.path("lastLinkState").asText("NONE")) {
            case "VALID" ->
                "their last link was sent "
                    + m.path("lastLinkSentAt").asText()
                    + " and still works until "
                    + m.path("lastLinkExpiresAt").asText();
            case "USED" ->
                "their last link (sent " + m.path("lastLinkSentAt").asText() + ") was already used";
            case "EXPIRED" ->
                "their last link (sent "
                    + m.path("lastLinkSentAt").asText()
                    + ") expired at "
                    + m.path("lastLinkExpiresAt").asText();
            case "REVOKED" -> "their links were revoked";
            default -> "no sign-in link has been sent to them yet";
          };
      String seen =
          m.hasNonNull("lastSignInAt")
              ? "; last signed in " + m.path("lastSignInAt").asText()
              : "; never signed in";
      lines.add(email + " is an active collaborator on " + job + "; " + link + seen + ".");
    }
    return lines;
  }

  private String jobSubmissions(JsonNode job) {
    if (!job.path("found").asBoolean()) {
      return "There is no job " + job.path("jobId").asText() + " in this workspace.";
    }
    String title = quoted(job.path("jobTitle").asText());
    List<String> visible = new ArrayList<>();
    List<String> hidden = new ArrayList<>();
    for (JsonNode s : job.path("submissions")) {
      String line =
          s.path("candidateName").asText()
              + " ("
              + words(s.path("status").asText())
              + ", submission "
              + s.path("submissionId").asText()
              + ")";
      (s.path("visibleToClients").asBoolean() ? visible : hidden).add(line);
    }
    StringBuilder out = new StringBuilder();
    if (visible.isEmpty() && hidden.isEmpty()) {
      out.append("No candidate has been submitted to ").append(title).append(" yet.");
    } else {
      out.append(title)
          .append(" has ")
          .append(visible.size())
          .append(visible.size() == 1 ? " candidate" : " candidates")
          .append(" visible to clients");
      out.append(visible.isEmpty() ? "" : ": " + String.join("; ", visible)).append('.');
      if (!hidden.isEmpty()) {
        out.append(" Not visible (withdrawn): ").append(String.join("; ", hidden)).append('.');
      }
    }
    int collaborators = job.path("activeCollaborators").asInt();
    out.append(
        collaborators == 0
            ? " The job has no active collaborators, so no client can see it."
            : " " + collaborators + " active collaborator" + (collaborators == 1 ? "" : "s") + ".");
    return out.toString();
  }

  private String submissionState(JsonNode s) {
    if (!s.path("found").asBoolean()) {
      return "There is no submission " + s.path("submissionId").asText() + " in this workspace.";
    }
    StringBuilder out =
        new StringBuilder()
            .append(s.path("candidateName").asText())
            .append(" for ")
            .append(quoted(s.path("jobTitle").asText()))
            .append(": ")
            .append(words(s.path("status").asText()))
            .append(", stage ")
            .append(words(s.path("stage").asText()));
    if (s.hasNonNull("decision")) {
      out.append(", client decision ").append(words(s.path("decision").asText()));
    }
    out.append(", ").append(s.path("remindersSent").asInt()).append(" reminder(s) sent");
    if (s.hasNonNull("nextReminderAt")) {
      out.append(", next reminder due ").append(s.path("nextReminderAt").asText());
    }
    out.append('.');
    out.append(
        s.path("workflowAnswered").asBoolean()
            ? " The running workflow confirms: " + words(s.path("workflowStatus").asText()) + "."
            : " The workflow is closed or not answering; this is the database's record.");
    List<String> failed = new ArrayList<>();
    for (JsonNode e : s.path("emails")) {
      if ("FAILED".equals(e.path("status").asText())) {
        failed.add(
            e.path("kind").asText().toLowerCase(Locale.ROOT) + " to " + e.path("to").asText());
      }
    }
    if (!failed.isEmpty()) {
      out.append(" Failed emails: ").append(String.join(", ", failed)).append('.');
    }
    return out.toString();
  }

  private List<String> attachments(JsonNode files) {
    List<String> lines = new ArrayList<>();
    if (!files.path("found").asBoolean()) {
      lines.add(
          "There is no submission " + files.path("submissionId").asText() + " in this workspace.");
      return lines;
    }
    for (JsonNode f : files.path("files")) {
      lines.add(
          f.path("filename").asText()
              + ": "
              + f.path("kind").asText().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " version "
              + f.path("version").asInt()
              + (f.path("latest").asBoolean() ? " (newest)" : " (older version)")
              + ", "
              + (f.path("isPublic").asBoolean() ? "public" : "private, clients cannot download it")
              + ", "
              + size(f.path("sizeBytes").asLong())
              + ", "
              + (f.path("shared").asBoolean() ? "shared with the client" : "not shared"));
    }
    if (files.path("newerResumeNotShared").asBoolean()) {
      lines.add("A newer resume exists that the client has not been sent.");
    }
    return lines;
  }

  private List<String> activity(JsonNode activity) {
    List<String> lines = new ArrayList<>();
    if (!activity.path("found").asBoolean()) {
      lines.add("There is no job " + activity.path("jobId").asText() + " in this workspace.");
      return lines;
    }
    List<JsonNode> entries = new ArrayList<>();
    activity.path("entries").forEach(entries::add);
    if (entries.isEmpty()) {
      lines.add("Nothing has happened on " + quoted(activity.path("jobTitle").asText()) + " yet.");
    }
    for (JsonNode e : entries.subList(Math.max(0, entries.size() - 8), entries.size())) {
      lines.add(
          e.path("at").asText()
              + ": "
              + plain(e.path("detail").asText())
              + (e.path("clientVisible").asBoolean() ? "" : " (internal)"));
    }
    return lines;
  }

  private String health(JsonNode health) {
    List<String> parts = new ArrayList<>();
    for (JsonNode s : health.path("signals")) {
      parts.add(
          signalName(s.path("name").asText())
              + " "
              + s.path("failures").asLong()
              + " of "
              + s.path("attempts").asLong()
              + (s.path("systemWide").asBoolean() ? " (SYSTEM-WIDE)" : ""));
    }
    String window = "the last " + health.path("windowMinutes").asInt() + " minutes";
    return (health.path("systemWide").asBoolean()
            ? "System health shows a system-wide failure in " + window + ": "
            : "No system-wide failure in " + window + ": ")
        + String.join(", ", parts)
        + ".";
  }

  private String myAccess(JsonNode me) {
    List<String> jobs = new ArrayList<>();
    for (JsonNode j : me.path("jobs")) {
      jobs.add(quoted(j.path("jobTitle").asText()));
    }
    return "You are signed in as "
        + me.path("email").asText()
        + (jobs.isEmpty()
            ? ", and no job is shared with you at the moment."
            : " and can review " + joinAnd(jobs) + ".");
  }

  private List<String> myJobs(JsonNode mine) {
    List<String> lines = new ArrayList<>();
    if (!mine.path("jobs").elements().hasNext()) {
      lines.add("No job is shared with you at the moment.");
    }
    for (JsonNode job : mine.path("jobs")) {
      List<String> people = new ArrayList<>();
      for (JsonNode s : job.path("submissions")) {
        List<String> files = new ArrayList<>();
        for (JsonNode f : s.path("files")) {
          files.add(
              f.path("filename").asText()
                  + (f.path("downloadable").asBoolean() ? "" : " (not downloadable)"));
        }
        people.add(
            s.path("candidateName").asText()
                + " ("
                + s.path("status").asText()
                + (files.isEmpty() ? "" : "; files: " + String.join(", ", files))
                + ")");
      }
      lines.add(
          quoted(job.path("jobTitle").asText())
              + ": "
              + (people.isEmpty() ? "no candidates submitted yet" : String.join("; ", people)));
    }
    return lines;
  }

  static String signalName(String name) {
    return switch (name) {
      case "MAGIC_LINK_FAILURES" -> "magic-link sign-ins failing";
      case "PORTAL_5XX" -> "portal 5xx answers";
      case "EMAIL_FAILURES" -> "emails failing";
      case "FEEDBACK_ERRORS" -> "feedback errors";
      default -> name.toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  private static String body(Section section) {
    String text = section.readable();
    if (text.length() <= 1400) {
      return text;
    }
    int cut = text.lastIndexOf("\n\n", 1400);
    return text.substring(0, cut > 200 ? cut : 1400).trim();
  }

  /**
   * A page written for support, shown to a client: the paragraphs and list items that are about the
   * recruiter API are left out; the client has no use for them.
   */
  static String withoutAgencyApi(String text) {
    StringBuilder out = new StringBuilder();
    for (String paragraph : text.split("\n\\s*\n")) {
      if (!paragraph.contains("/api/")) {
        out.append(paragraph).append("\n\n");
        continue;
      }
      // A list keeps its items that are not about the API.
      StringBuilder kept = new StringBuilder();
      String item = null;
      for (String line : (paragraph + "\n- ").split("\n")) {
        boolean starts = line.matches("^\\s*(- |\\d+\\. ).*");
        if (starts || line.isEmpty()) {
          if (item != null && !item.contains("/api/")) {
            kept.append(item);
          }
          item = line.isEmpty() ? null : line + "\n";
        } else if (item != null) {
          item += line + "\n";
        }
      }
      if (!kept.isEmpty()) {
        out.append(kept.toString().trim()).append("\n\n");
      }
    }
    String result = out.toString().trim();
    return result.isEmpty() ? "Your recruiter can help with this." : result;
  }

  private static String plain(String text) {
    return Untrusted.unescape(
        text.replace(Untrusted.OPEN, "\u201c").replace(Untrusted.CLOSE, "\u201d"));
  }

  private static String quoted(String text) {
    return "\u201c" + text + "\u201d";
  }

  private static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String size(long bytes) {
    if (bytes >= 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
    return Math.max(1, bytes / 1024) + " KB";
  }

  private static String bullets(List<String> lines) {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append("- ").append(line).append('\n');
    }
    return out.toString().trim();
  }

  private static String joinAnd(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
