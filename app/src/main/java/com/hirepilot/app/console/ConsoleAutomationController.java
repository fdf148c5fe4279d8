package com.hirepilot.app.console;

import com.hirepilot.app.automation.ActionType;
import com.hirepilot.app.automation.AutomationRuleBook;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.task.RecruiterTaskService;
import com.hirepilot.app.workspace.CurrentRecruiter;
import com.hirepilot.workflows.submission.AutomationTrigger;
import com.hirepilot.workflows.submission.PipelineStage;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The automation rules page and each rule's runs, and ticking off a task from the landing page. The
 * rule form calls the service the recruiter API calls, so a refused rule shows the API's message.
 */
@Controller
class ConsoleAutomationController {

  /** The form's action rows; a rule with more actions is made through the API. */
  static final int ACTION_ROWS = 3;

  private final AutomationRuleBook book;
  private final JobService jobs;
  private final RecruiterTaskService tasks;

  ConsoleAutomationController(
      AutomationRuleBook book, JobService jobs, RecruiterTaskService tasks) {
    this.book = book;
    this.jobs = jobs;
    this.tasks = tasks;
  }

  /** One action row of the form; a row without a type is ignored. */
  public static class ActionRow {
    private String type = "";
    private String stage = "";
    private String to = "";
    private String url = "";
    private String secret = "";
    private String title = "";

    public String getType() {
      return type;
    }

    public void setType(String type) {
      this.type = type;
    }

    public String getStage() {
      return stage;
    }

    public void setStage(String stage) {
      this.stage = stage;
    }

    public String getTo() {
      return to;
    }

    public void setTo(String to) {
      this.to = to;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getSecret() {
      return secret;
    }

    public void setSecret(String secret) {
      this.secret = secret;
    }

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }

    Map<String, Object> asAction() {
      Map<String, Object> action = new LinkedHashMap<>();
      action.put("type", type);
      action.put("stage", stage);
      action.put("to", to);
      action.put("url", url);
      action.put("secret", secret);
      action.put("title", title);
      return action;
    }
  }

  /** What the rule form holds, so a refused rule comes back as typed (a secret excepted). */
  public static class RuleForm {
    private String name = "";
    private String trigger = "";
    private String jobId = "";
    private String clientCompany = "";
    private String stage = "";
    private String reasonContains = "";
    private List<ActionRow> actions = rows(new ArrayList<>());

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getTrigger() {
      return trigger;
    }

    public void setTrigger(String trigger) {
      this.trigger = trigger;
    }

    public String getJobId() {
      return jobId;
    }

    public void setJobId(String jobId) {
      this.jobId = jobId;
    }

    public String getClientCompany() {
      return clientCompany;
    }

    public void setClientCompany(String clientCompany) {
      this.clientCompany = clientCompany;
    }

    public String getStage() {
      return stage;
    }

    public void setStage(String stage) {
      this.stage = stage;
    }

    public String getReasonContains() {
      return reasonContains;
    }

    public void setReasonContains(String reasonContains) {
      this.reasonContains = reasonContains;
    }

    public List<ActionRow> getActions() {
      return actions;
    }

    public void setActions(List<ActionRow> actions) {
      this.actions = rows(actions == null ? new ArrayList<>() : new ArrayList<>(actions));
    }

    private static List<ActionRow> rows(List<ActionRow> given) {
      given.replaceAll(r -> r == null ? new ActionRow() : r);
      while (given.size() < ACTION_ROWS) {
        given.add(new ActionRow());
      }
      return given.subList(0, ACTION_ROWS);
    }

    AutomationRuleBook.Draft draft() {
      List<Map<String, Object>> used =
          actions.stream()
              .filter(a -> a.getType() != null && !a.getType().isBlank())
              .map(ActionRow::asAction)
              .toList();
      return new AutomationRuleBook.Draft(
          name, trigger, jobId, clientCompany, stage, reasonContains, used);
    }
  }

  @GetMapping("/console/automation")
  String rules(Model model) {
    String workspaceId = CurrentRecruiter.get().workspaceId();
    model.addAttribute("rules", book.rules(workspaceId));
    model.addAttribute("jobs", jobs.listing(workspaceId));
    model.addAttribute("triggers", AutomationTrigger.values());
    model.addAttribute("stages", PipelineStage.values());
    model.addAttribute("actionTypes", ActionType.values());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new RuleForm());
    }
    return "console/automation";
  }

  @PostMapping("/console/automation")
  String create(
      @ModelAttribute("form") RuleForm form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      book.create(CurrentRecruiter.get(), form.draft());
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      // A secret is never sent back to the browser, even the one just typed.
      form.getActions().forEach(a -> a.setSecret(""));
      model.addAttribute("error", e);
      model.addAttribute("form", form);
      return rules(model);
    }
    redirect.addFlashAttribute("notice", "Rule created. It fires on the next matching event.");
    return "redirect:/console/automation";
  }

  @GetMapping("/console/automation/{ruleId}")
  String rule(@PathVariable String ruleId, Model model) {
    model.addAttribute("page", book.page(CurrentRecruiter.get().workspaceId(), ruleId));
    return "console/automation-rule";
  }

  @PostMapping("/console/automation/{ruleId}/pause")
  String pause(@PathVariable String ruleId, RedirectAttributes redirect) {
    book.pause(CurrentRecruiter.get().workspaceId(), ruleId, true);
    redirect.addFlashAttribute("notice", "Rule paused: it fires on nothing until resumed.");
    return "redirect:/console/automation";
  }

  @PostMapping("/console/automation/{ruleId}/resume")
  String resume(@PathVariable String ruleId, RedirectAttributes redirect) {
    book.pause(CurrentRecruiter.get().workspaceId(), ruleId, false);
    redirect.addFlashAttribute("notice", "Rule resumed.");
    return "redirect:/console/automation";
  }

  @PostMapping("/console/automation/{ruleId}/delete")
  String delete(@PathVariable String ruleId, RedirectAttributes redirect) {
    book.delete(CurrentRecruiter.get().workspaceId(), ruleId);
    redirect.addFlashAttribute("notice", "Rule deleted. Its runs stay on record.");
    return "redirect:/console/automation";
  }

  @PostMapping("/console/tasks/{taskId}/done")
  String done(@PathVariable String taskId, RedirectAttributes redirect) {
    CurrentRecruiter me = CurrentRecruiter.get();
    tasks.done(me.workspaceId(), me.recruiterId(), taskId);
    redirect.addFlashAttribute("notice", "Task done.");
    return "redirect:/console/jobs";
  }
}
