package com.hirepilot.app.candidate;

import java.util.List;

/**
 * A candidate as the clients they are submitted to may see them: no contact details, no notes.
 * Pages and emails for clients are built from this, never from {@link Candidate}.
 */
public record CandidateCard(
    String name, String title, String currentCompany, List<String> skills, String summary) {

  public static CandidateCard of(Candidate candidate) {
    return new CandidateCard(
        candidate.name(),
        candidate.title(),
        candidate.currentCompany(),
        candidate.skillNames(),
        candidate.summary());
  }
}
