package com.hirepilot.app.deal;

import com.hirepilot.app.system.ResourceId;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Recruiter API: the deal a job is connected to. */
@RestController
class DealController {

  private final DealService deals;

  DealController(DealService deals) {
    this.deals = deals;
  }

  /**
   * @param value what the deal is worth, at most 12 digits before the point and 2 after
   * @param currency ISO 4217 code (three capital letters), needed with a value
   * @param expectedClose an ISO date, e.g. 2027-03-31
   */
  record DealRequest(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 40) String stage,
      @jakarta.validation.constraints.PositiveOrZero
          @jakarta.validation.constraints.Digits(integer = 12, fraction = 2)
          java.math.BigDecimal value,
      @jakarta.validation.constraints.Pattern(regexp = "[A-Z]{3}") String currency,
      java.time.LocalDate expectedClose) {}

  record DealView(
      String id,
      String jobId,
      String name,
      String stage,
      java.math.BigDecimal value,
      String currency,
      java.time.LocalDate expectedClose,
      Instant updatedAt) {

    static DealView of(Deal deal) {
      return new DealView(
          deal.id(),
          deal.jobId(),
          deal.name(),
          deal.stage(),
          deal.valueAmount(),
          deal.currency(),
          deal.expectedClose(),
          deal.updatedAt());
    }
  }

  @PutMapping("/api/jobs/{jobId}/deal")
  DealView connect(@PathVariable @ResourceId String jobId, @Valid @RequestBody DealRequest body) {
    return DealView.of(
        deals.connect(
            CurrentRecruiter.get().workspaceId(),
            jobId,
            body.name(),
            body.stage(),
            new Deal.Terms(body.value(), body.currency(), body.expectedClose())));
  }

  @GetMapping("/api/jobs/{jobId}/deal")
  DealView get(@PathVariable @ResourceId String jobId) {
    return DealView.of(deals.of(CurrentRecruiter.get().workspaceId(), jobId));
  }
}
