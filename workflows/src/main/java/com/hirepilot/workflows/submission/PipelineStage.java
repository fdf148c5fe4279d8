package com.hirepilot.workflows.submission;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Where a candidate stands in a job's pipeline, in the order they usually move through it. The
 * names are stored in the database and shown by the API, so they never change.
 */
public enum PipelineStage {
  SUBMITTED,
  CLIENT_INTERVIEW,
  CLIENT_APPROVED,
  CLIENT_REJECTED,
  WITHDRAWN;

  /** The stage a client's decision moves the candidate to. */
  public static PipelineStage after(Decision decision) {
    return switch (decision) {
      case APPROVE -> CLIENT_APPROVED;
      case REJECT -> CLIENT_REJECTED;
      case REQUEST_INTERVIEW -> CLIENT_INTERVIEW;
    };
  }

  /**
   * Reads a stage from an activity result in workflow history. A name this code does not know (a
   * newer stage, or a label an old test fake returned) reads as no stage, so such a history still
   * replays: the stage only feeds the workflow's query, never a decision of the workflow.
   */
  @JsonCreator
  public static PipelineStage fromStored(String name) {
    for (PipelineStage stage : values()) {
      if (stage.name().equals(name)) {
        return stage;
      }
    }
    return null;
  }
}
