package com.hirepilot.app.notification;

import java.util.List;
import java.util.function.Function;

/**
 * The emails a feature sends, each filled with made-up data, for the console's preview page. Each
 * sample is built by the same code that builds the real email, so the preview cannot drift from
 * what clients and recruiters receive. Building one reads (the workspace's brand and settings) and
 * never writes.
 */
public interface EmailSamples {

  /** This feature's samples, in the order the preview lists them. */
  List<Sample> samples();

  /**
   * Who the sample is sent for: the signed-in recruiter's workspace (its real name, colour and
   * logo) and the recruiter as the sender, so they see what their own clients would.
   */
  record Sender(String workspaceId, String recruiterName, String recruiterEmail) {}

  /**
   * One email template with sample data.
   *
   * @param name its address on the preview pages, such as {@code submission}
   * @param title what the preview list calls it
   * @param audience who receives it ("Client", "Recruiter", "Support team")
   * @param when what sends it
   */
  record Sample(
      String name,
      String title,
      String audience,
      String when,
      Function<Sender, OutgoingEmail> build) {}
}
