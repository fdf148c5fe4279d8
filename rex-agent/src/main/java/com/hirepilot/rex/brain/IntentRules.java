package com.hirepilot.rex.brain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which support issue a message is about. Rules, not a model: each intent is a few patterns over
 * the words users actually type, checked in an order where the more specific request wins (a resend
 * request mentions a link; a system-wide outage mentions buttons).
 */
final class IntentRules {

  private IntentRules() {}

  /** An ID: submissions, jobs and candidates are all UUIDs. */
  static final Pattern UUID =
      Pattern.compile(
          "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b",
          Pattern.CASE_INSENSITIVE);

  static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

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
              "\\b(automation|rule) runs?\\b[^.?!\\n]{0,30}\\b(fail\\w*|errors?|stuck)\\b",
              // "our ATS never got the webhook", "the webhook didn't reach the ATS".
              "\\b(never|didn'?t|hasn'?t|not) (got|get|gotten|receiv\\w*|see|saw)\\b[^.?!\\n]{0,20}"
                  + "\\b(webhooks?|slack)\\b",
              "\\b(webhooks?|slack (message|post|notification)s?)\\b[^.?!\\n]{0,30}\\b(didn'?t|never"
                  + "|not|n'?t)\\b[^.?!\\n]{0,10}\\breach\\w*",
              "\\b(rules?|automations?|webhooks?)\\b[^.?!\\n]{0,60}\\bdid nothing\\b"),
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
              "\\bnot (one|a single one) of (my|our|the) (clients|users|hiring managers)\\b",
              "\\b(no|none of (my|our|the)) clients? (can|could|is able)\\b",
              "\\bwhatever job\\b",
              "\\bacross (all |every |the )?(clients|jobs|accounts|the board)\\b",
              "\\b(many|several|multiple|lots of|a bunch of|most of) (of )?(my |our |the )?"
                  + "(clients|users|hiring managers)\\b",
              "\\bglobally\\b"),
          new Rule(
              Intent.ESCALATE,
              "\\bescalat",
              "\\b(open|file|raise|create|log|submit)( me)? (an?|the)( support| urgent)? (ticket|case)\\b",
              "\\bin front of (an? |the )?(engineer|developer|dev)s?\\b",
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
                  + "\\bagain\\b",
              "\\b(submission|candidate( email)?)\\b[^.?!\\n]{0,60}\\b(re-?sen[dt]|pushed out again"
                  + "|push(ed)? (it )?out again|sen[dt] (it )?again)\\b"),
          new Rule(
              Intent.RESEND_ACCESS_LINK,
              "\\b(re-?send|send|new|fresh|another)\\b[^.?!\\n]{0,40}\\b(link|access email|"
                  + "login email|sign[- ]?in email)\\b",
              "\\b(get|send) (a |her |him |them )?(new|fresh|another) one\\b"),
          new Rule(
              Intent.OUTDATED_RESUME,
              "\\b(old|older|outdated|out of date|out-of-date|wrong|previous|stale|earlier)\\b"
                  + "[^.?!\\n]{0,30}\\b(resume|résumé|cv|one)\\b",
              "\\b(resume|résumé|cv)\\b[^.?!\\n]{0,40}\\b(old|outdated|out of date|wrong|stale"
                  + "|not (the )?latest|not updated)\\b",
              "\\bnew (resume|cv)\\b[^.?!\\n]{0,60}\\bstill\\b",
              "\\b(resume|résumé|cv)\\b[^.?!\\n]{0,40}\\b(older|an older version)\\b",
              "\\b(old|older|outdated) (file|version)\\b",
              // "the CV only goes up to 2022", "the resume stops in 2022".
              "\\b(resume|résumé|cv)\\b[^.!\\n]{0,40}\\b(stops|ends|goes up to|only up to)\\b"
                  + "[^.!\\n]{0,12}\\b(19|20)\\d\\d\\b"),
          new Rule(
              Intent.ATTACHMENT_DOWNLOAD,
              "\\bdownload",
              "\\b(attachment|file|pdf|portfolio|sample)s?\\b[^.?!\\n]{0,40}\\b(won'?t|will not"
                  + "|can'?t|cannot|doesn'?t|does not|not) (open|load|work)",
              "\\b(can'?t|cannot|unable to) (open|get) (the |an? |her |his |their )?"
                  + "(attachment|file|pdf|portfolio)",
              "\\b(cover letter|attachment|file|pdf|portfolio|resume|cv)s?\\b[^.?!\\n]{0,20}"
                  + "\\b(404|not found)\\b"),
          new Rule(
              Intent.BUTTONS_NOT_WORKING,
              "\\bbuttons?\\b",
              "\\b(approve|reject|request interview|interview request|feedback|decision)\\b[^.?!\\n]{0,40}"
                  + "\\b((?:not|\\w+n't) working|doesn'?t work|does nothing|nothing happens|broken|dead"
                  + "|greyed|grayed|isn'?t doing|won'?t|fails?|failing)\\b",
              "\\b(can'?t|cannot|unable to) (approve|reject|request an? interview|leave feedback"
                  + "|comment)\\b",
              "\\b(hit|hits|click\\w*|press\\w*|tap\\w*)\\b[^.?!\\n]{0,40}\\b(nothing happens"
                  + "|does nothing|doesn'?t do anything|no response)\\b"),
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
              "\\bcandidates?\\b[^.?!\\n]{0,20}\\bnot (showing|visible|there)\\b",
              "\\bmissing from (the |her |his |their |my )?(client'?s? )?(view|portal|page|list)\\b",
              "\\b(page|portal|list|view) (is|was|looks) (empty|blank)\\b(?<!\\b(?:screen|page) is blank)",
              "\\bwhere did [a-z]+( [a-z]+)? go\\b"),
          new Rule(
              Intent.EMAIL_NOT_RECEIVED,
              "\\b(never|not|n'?t|didn'?t|did not|isn'?t|hasn'?t|haven'?t|no)\\b[^.?!\\n]{0,25}"
                  + "\\b(receiv\\w*|get"
                  + "|getting|got|arriv\\w*|coming)\\b[^.?!\\n]{0,40}\\b(e-?mails?|mails?|"
                  + "messages?|notifications?|reminders?)\\b",
              "\\b(e-?mails?|mails?)\\b[^.?!\\n]{0,30}\\b(not arriving|never arrived|never came"
                  + "|not received|not coming|missing|didn'?t arrive|not delivered|bounc\\w+"
                  + "|stuck)\\b",
              "\\b(inbox|spam|junk)\\b",
              // A bounce of mail, not a sign-in page that "bounces her back".
              "\\b(hard[- ]?bounce\\w*|bounced|bounces|bouncing)\\b(?!\\s+(me|her|him|them|us)\\b)"
                  + "(?![^.?!\\n]{0,20}\\bback\\b)",
              "\\b(e-?mails?|mails?|messages?|address)\\b[^.?!\\n]{0,30}\\b(deferred|dropped"
                  + "|flagged|retrying|undeliver\\w*)\\b",
              "\\b(delivery|deliveries)\\b[^.?!\\n]{0,20}\\b(status|log|failed|failing|problem)",
              "\\bno (e-?mails?|reminders?|notifications?)\\b[^.?!\\n]{0,20}\\b(reach\\w*|arriv\\w*"
                  + "|c[ao]m\\w*|get\\w*|received)\\b",
              // "the reminders to … : she hasn't had a single one".
              "^(?=.*\\b(e-?mails?|reminders?|reminded)\\b).*\\b(nothing (has )?(come|arrived|turned up)"
                  + "|hasn'?t (had|got|received)|haven'?t (had|got|received)|not (had )?a single one"
                  + "|(were|was|been) delivered)\\b"),
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
              "\\blocked out\\b(?! of (approv|reject|decid|request|comment))",
              "\\b(page|screen) is blank\\b",
              "\\bno longer works\\b",
              "\\byour access has ended\\b"),
          new Rule(
              Intent.SUBMISSION_STATUS,
              "\\bstatus\\b",
              "\\bdid (the client|she|he|they|my client)\\b[^.?!\\n]{0,20}\\b(approve|reject"
                  + "|decide|look|respond|answer|see)",
              "\\b(looked at|heard back|go through|still (says )?pending)\\b",
              "\\bwhere (does|do) (it|the submission|things) stand\\b",
              "\\b(sent or not|went through|got through|been received|was (it |my \\w+ )?received)\\b",
              "\\bhow many reminders\\b",
              "\\b(has|have) (she|he|they|the client|my client)\\b[^.?!\\n]{0,20}\\b(answered"
                  + "|replied|responded|decided|looked)\\b"),
          new Rule(
              Intent.JOB_ACTIVITY,
              "\\bactivity\\b(?! feed)",
              "\\bwhat'?s (been )?happening\\b",
              "\\banything (new )?happened\\b",
              "\\bwhat happened on\\b",
              "\\bthis week'?s? (decisions|activity|feedback)\\b",
              "\\bwho('s| has| have)? (approved|rejected|decided)\\b",
              "\\bwhat (the client|they|she|he|my client) decided\\b",
              "\\b(rundown|history|log) of\\b"));

  /** A request to be shown around: before the how-to test, as most are worded as questions. */
  private static final Pattern TOUR =
      Pattern.compile(
          "\\b(tour|walk-?through|show me around|walk me through|guide me through|where'?s everything"
              + "|how does (this|the) portal work|new to (the|this) portal"
              + "|first time (in|on|using) (the|this) portal|how (do i|does one|to) (use|navigate)"
              + " (the|this) portal|find my way around|what('s| is) where|how is the portal laid"
              + " out|what can i do (here|in (the|this) portal))\\b");

  /** Questions about how things work, not reports that something is broken. */
  private static final Pattern HOW_TO_OPENING =
      Pattern.compile(
          "^(how|what|which|where|when|who|can i|can we|can clients?|can the|could i|do i|do"
              + " clients?|does|is it|is there|are|will|should|why do|explain|tell me|give me"
              + "|set up|show me how|if (i|we|a client|the client|my client))\\b");

  /** A question about where one's own things stand: a status question, however it opens. */
  private static final Pattern OWN_STATUS =
      Pattern.compile(
          "\\bstatus (of|on) (my|the candidates)|\\bdid my \\w+( \\w+)? (go|get) through\\b"
              + "|\\bwas my \\w+( \\w+)? received\\b|\\b(sent|received) or not\\b");

  /** Asking whether something is allowed: a how-to, whatever words follow. */
  private static final Pattern ASKS_IF_ALLOWED =
      Pattern.compile(
          "\\b(allowed|possible|permitted)\\s*\\?|\\b(is it|is that|am i) (allowed|possible)\\b"
              + "|\\bcan i still\\b|\\bdo i have to (pick|choose)\\b");

  private static final Pattern TROUBLE =
      Pattern.compile(
          "\\b(can'?t|cannot|won'?t|isn'?t|doesn'?t|didn'?t|(?:not|\\w+n't) working|never|error|stuck"
              + "|broken|expired|invalid|wrong|old|empty|blank|nothing|fail\\w*|down|missing)\\b");

  static Intent intentOf(String lower) {
    // A question that names a record ("what's the status of submission …?") is about that
    // record, however it opens; only a question about no record in particular is a how-to.
    boolean namesARecord = UUID.matcher(lower).find() || EMAIL.matcher(lower).find();
    if (TOUR.matcher(lower).find() && !TROUBLE.matcher(lower).find() && !namesARecord) {
      return Intent.PORTAL_TOUR;
    }
    boolean trouble = TROUBLE.matcher(lower).find();
    boolean howTo =
        (HOW_TO_OPENING.matcher(lower).find() || ASKS_IF_ALLOWED.matcher(lower).find())
            && !trouble
            && !namesARecord
            && !OWN_STATUS.matcher(lower).find();
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

  static String normalize(String text) {
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
}
