package com.hirepilot.app.system;

import java.util.UUID;

/** Opaque identifiers for new records. */
public final class Ids {

  private Ids() {}

  public static String next() {
    return UUID.randomUUID().toString();
  }
}
