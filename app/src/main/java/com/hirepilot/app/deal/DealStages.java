package com.hirepilot.app.deal;

import com.hirepilot.app.workspace.DealFollowing;
import com.hirepilot.workflows.submission.Decision;
import java.util.List;
import java.util.Optional;

/** The stages of a deal, and how a client's decision moves it. */
public final class DealStages {

  public static final String OPEN = "OPEN";
  public static final String INTERVIEWING = "INTERVIEWING";
  public static final String CANDIDATE_APPROVED = "CANDIDATE_APPROVED";
  public static final String WON = "WON";
  public static final String LOST = "LOST";

  public static final List<String> ALL = List.of(OPEN, INTERVIEWING, CANDIDATE_APPROVED, WON, LOST);

  /** Where decisions move a deal until the workspace chooses otherwise. */
  public static final DealFollowing DEFAULTS = new DealFollowing(INTERVIEWING, CANDIDATE_APPROVED);

  private DealStages() {}

  /** Where a decision takes the deal by default ({@link #after(Decision, DealFollowing)}). */
  public static Optional<String> after(Decision decision) {
    return after(decision, DEFAULTS);
  }

  /**
   * Where a decision takes the deal, as the workspace configures it. A rejection leaves it where it
   * is: the client rejected one candidate, not the agency; so does a setting of {@code LEAVE}.
   */
  public static Optional<String> after(Decision decision, DealFollowing following) {
    String stage =
        switch (decision) {
          case APPROVE -> following.onApproval();
          case REQUEST_INTERVIEW -> following.onInterview();
          case REJECT -> null;
        };
    return stage == null || DealFollowing.LEAVE.equals(stage) || !ALL.contains(stage)
        ? Optional.empty()
        : Optional.of(stage);
  }
}
