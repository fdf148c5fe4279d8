package com.hirepilot.app.deal;

import com.hirepilot.app.job.JobService;
import com.hirepilot.app.system.Ids;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.NotFoundException;
import com.hirepilot.app.system.Timestamps;
import com.hirepilot.app.workspace.WorkspaceSettings;
import com.hirepilot.workflows.submission.Decision;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Connects jobs to deals and moves deals as clients decide. */
@Service
public class DealService {

  private final Deals deals;
  private final JobService jobs;
  private final Clock clock;
  private final WorkspaceSettings settings;

  DealService(Deals deals, JobService jobs, Clock clock, WorkspaceSettings settings) {
    this.settings = settings;
    this.deals = deals;
    this.jobs = jobs;
    this.clock = clock;
  }

  /** Connects the job to a deal, or renames and re-stages the one it has. */
  @Transactional
  public Deal connect(String workspaceId, String jobId, String name, String stage) {
    return connect(workspaceId, jobId, name, stage, Deal.Terms.NONE);
  }

  /**
   * Connects the job to a deal, or updates the one it has, with what it is worth and when it should
   * close.
   */
  @Transactional
  public Deal connect(
      String workspaceId, String jobId, String name, String stage, Deal.Terms terms) {
    if (terms.valueAmount() != null && terms.currency() == null) {
      throw new InvalidInputException("currency", "is needed with a value, e.g. EUR");
    }
    jobs.get(workspaceId, jobId);
    String wanted = stage == null || stage.isBlank() ? null : stage.strip();
    if (wanted != null && !DealStages.ALL.contains(wanted)) {
      throw new InvalidInputException("stage", "must be one of " + DealStages.ALL);
    }
    Instant now = clock.instant();
    Optional<Deal> existing = deals.findByJobId(jobId);
    if (existing.isPresent()) {
      Deal deal = existing.get();
      return deals.save(deal.renamed(name, wanted == null ? deal.stage() : wanted, terms, now));
    }
    return deals.save(
        new Deal(
            Ids.next(),
            workspaceId,
            jobId,
            name,
            wanted == null ? DealStages.OPEN : wanted,
            terms.valueAmount(),
            terms.currency(),
            terms.expectedClose(),
            null,
            now,
            now));
  }

  public Deal of(String workspaceId, String jobId) {
    jobs.get(workspaceId, jobId);
    return deals.findByJobId(jobId).orElseThrow(() -> new NotFoundException("Deal"));
  }

  /** The deal the job is connected to, if any: one statement, for pages that show it. */
  public Optional<Deal> connectedTo(String jobId) {
    return deals.findByJobId(jobId);
  }

  /** Where the job's deal stands after the decision, or empty when the job has no deal. */
  public Optional<String> stageAfter(String jobId, Decision decision) {
    return deals.findByJobId(jobId).map(deal -> after(deal, decision).orElse(deal.stage()));
  }

  /**
   * Moves the job's deal to follow a client's decision.
   *
   * @return the deal's stage afterwards, or empty when the job has no deal
   */
  public Optional<String> follow(String jobId, Decision decision) {
    Optional<Deal> deal = deals.findByJobId(jobId);
    if (deal.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> next = after(deal.get(), decision);
    next.ifPresent(stage -> deals.moveStage(jobId, stage, Timestamps.param(clock.instant())));
    return Optional.of(next.orElse(deal.get().stage()));
  }

  /** Where the decision takes this deal, as its workspace configures it now. */
  private Optional<String> after(Deal deal, Decision decision) {
    return DealStages.after(decision, settings.dealFollowing(deal.workspaceId()));
  }
}
