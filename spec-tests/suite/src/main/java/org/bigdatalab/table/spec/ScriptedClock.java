package org.bigdatalab.table.spec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when a step says so: commit times and vacuum horizons without waiting. */
public final class ScriptedClock extends Clock {
  private volatile Instant now;

  public ScriptedClock(Instant start) {
    this.now = start;
  }

  public void advance(Duration d) { now = now.plus(d); }

  @Override public Instant instant() { return now; }
  @Override public ZoneId getZone() { return ZoneOffset.UTC; }
  @Override public Clock withZone(ZoneId zone) { return this; }
}
