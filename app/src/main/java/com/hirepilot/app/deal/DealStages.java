package com.hirepilot.app.deal;

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

  private DealStages() {}

  /**
   * Where a decision takes the deal. A rejection leaves it where it is: the client rejected one
   * candidate, not the agency.
   */
  public static Optional<String> after(Decision decision) {
    return switch (decision) {
      case APPROVE -> Optional.of(CANDIDATE_APPROVED);
      case REQUEST_INTERVIEW -> Optional.of(INTERVIEWING);
      case REJECT -> Optional.empty();
    };
  }
}
