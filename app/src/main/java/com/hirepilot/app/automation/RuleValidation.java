package com.hirepilot.app.automation;

import com.hirepilot.app.job.JobService;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.workflows.submission.AutomationTrigger;
import com.hirepilot.workflows.submission.PipelineStage;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a new rule before anything is stored, and answers the first problem as a 422 naming the
 * field. A rule that could post back into HirePilot (a webhook or Slack URL on our own origin) is
 * refused: its request could re-trigger the rule without end.
 */
@Component
class RuleValidation {

  static final int MAX_ACTIONS = 10;
  static final int MAX_RULES = 100;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final JobService jobs;
  private final PortalProperties portal;
  private final OutboundTargets targets;

  private final org.springframework.beans.factory.ObjectProvider<ActionPerformer> performers;

  RuleValidation(
      JobService jobs,
      PortalProperties portal,
      OutboundTargets targets,
      org.springframework.beans.factory.ObjectProvider<ActionPerformer> performers) {
    this.targets = targets;
    this.performers = performers;
    this.jobs = jobs;
    this.portal = portal;
  }

  /** The rule as the request asks for it; {@code actions} are raw JSON objects. */
  record Draft(
      String name, String trigger, RuleConditions conditions, List<Map<String, Object>> actions) {}

  record Checked(
      String name,
      AutomationTrigger trigger,
      RuleConditions conditions,
      List<RuleAction> actions) {}

  Checked check(String workspaceId, Draft draft) {
    String name = draft.name() == null ? "" : draft.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      throw new InvalidInputException("name", "must be 1 to 200 characters");
    }
    AutomationTrigger trigger = known(AutomationTrigger.class, draft.trigger(), "trigger");
    RuleConditions conditions = conditions(workspaceId, draft.conditions());
    List<Map<String, Object>> raw = draft.actions();
    if (raw == null || raw.isEmpty()) {
      throw new InvalidInputException("actions", "a rule needs at least one action");
    }
    if (raw.size() > MAX_ACTIONS) {
      throw new InvalidInputException("actions", "a rule has at most " + MAX_ACTIONS + " actions");
    }
    List<RuleAction> actions = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      actions.add(action("actions[" + i + "]", raw.get(i)));
    }
    return new Checked(name, trigger, conditions, actions);
  }

  private RuleConditions conditions(String workspaceId, RuleConditions given) {
    if (given == null) {
      return RuleConditions.NONE;
    }
    String jobId = blankToNull(given.jobId());
    if (jobId != null && jobs.find(workspaceId, jobId).isEmpty()) {
      throw new InvalidInputException("conditions.jobId", "no such job in this workspace");
    }
    String stage = blankToNull(given.stage());
    if (stage != null) {
      stage = known(PipelineStage.class, stage, "conditions.stage").name();
    }
    String company = blankToNull(given.clientCompany());
    String reason = blankToNull(given.reasonContains());
    if ((company != null && company.length() > 200) || (reason != null && reason.length() > 200)) {
      throw new InvalidInputException("conditions", "a condition is at most 200 characters");
    }
    return new RuleConditions(jobId, company, stage, reason);
  }

  private RuleAction action(String field, Map<String, Object> raw) {
    if (raw == null) {
      throw new InvalidInputException(field, "must be an action object");
    }
    Object typeValue = raw.get("type");
    ActionType type =
        known(ActionType.class, typeValue == null ? null : typeValue.toString(), field + ".type");
    Map<String, String> settings = new LinkedHashMap<>();
    switch (type) {
      case MOVE_STAGE ->
          settings.put(
              "stage", known(PipelineStage.class, text(raw, "stage"), field + ".stage").name());
      case UPDATE_DEAL -> {
        // Which stages a deal has is the deal feature's to say: its performer checks it below.
        String stage = upper(text(raw, "stage"));
        if (stage == null) {
          throw new InvalidInputException(field + ".stage", "must be a deal stage");
        }
        settings.put("stage", stage);
      }
      case EMAIL -> {
        String to = text(raw, "to");
        if (to != null && to.equalsIgnoreCase("RECRUITER")) {
          to = "RECRUITER";
        } else if (to == null || to.length() > 320 || !EMAIL.matcher(to).matches()) {
          throw new InvalidInputException(field + ".to", "must be an email address or RECRUITER");
        }
        settings.put("to", to);
      }
      case CREATE_TASK -> {
        String title = text(raw, "title");
        if (title == null || title.length() > 300) {
          throw new InvalidInputException(field + ".title", "must be 1 to 300 characters");
        }
        settings.put("title", title);
      }
      case WEBHOOK -> {
        settings.put("url", url(field + ".url", text(raw, "url")));
        String secret = text(raw, "secret");
        if (secret == null || secret.length() < 16 || secret.length() > 200) {
          throw new InvalidInputException(field + ".secret", "must be 16 to 200 characters");
        }
        settings.put("secret", secret);
      }
      case SLACK -> settings.put("url", url(field + ".url", text(raw, "url")));
    }
    RuleAction action = new RuleAction(type, settings);
    performers
        .orderedStream()
        .filter(p -> p.type() == type)
        .findFirst()
        .ifPresent(p -> p.validate(field, action));
    return action;
  }

  /** An absolute http(s) URL with a host and no user-info, not on this app's own origin. */
  private String url(String field, String value) {
    if (value == null) {
      throw new InvalidInputException(field, "is required");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidInputException(field, "is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new InvalidInputException(field, "must be an absolute http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new InvalidInputException(field, "must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidInputException(field, "must not carry a user name or password");
    }
    if (sameOrigin(uri, portal.baseUrl())) {
      throw new InvalidInputException(
          field,
          "points at HirePilot itself ("
              + portal.baseUrl()
              + "): the rule would re-trigger itself");
    }
    String refused = targets.refusalOfAddressLiteral(uri);
    if (refused != null) {
      throw new InvalidInputException(field, "points at " + refused);
    }
    return value;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return b != null
        && b.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static <E extends Enum<E>> E known(Class<E> type, String value, String field) {
    String name = upper(value);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    throw new InvalidInputException(
        field,
        "must be one of "
            + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
  }

  private static String text(Map<String, Object> raw, String key) {
    Object value = raw.get(key);
    return value == null ? null : blankToNull(value.toString());
  }

  private static String upper(String value) {
    return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
