package org.bigdatalab.log;

import java.util.Objects;

/**
 * A crash in the middle of an append, for {@code log.durable}: the process dies after
 * {@code written} (0 to 1) of the record's bytes reached the file and before the append was
 * acknowledged; with {@code garbageAfter}, the sector holding the tail also keeps stale bytes after
 * it (what a preallocated or reused block shows). A log without files has nothing to tear: the
 * record is simply not there.
 */
public record TornAppend(String topic, int partition, LogRecord record, double written, boolean garbageAfter) {

  public TornAppend {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(record, "record");
    if (!(written >= 0 && written <= 1)) {
      throw new IllegalArgumentException("written " + written + " is not a fraction in [0, 1]");
    }
  }

  @Override
  public String toString() {
    return "crash while appending " + record + " to " + topic + "/" + partition + " after " + Math.round(written * 100)
        + "% of its bytes" + (garbageAfter ? ", stale bytes after them" : "");
  }
}
