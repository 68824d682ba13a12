package org.bigdatalab.table;

import java.time.Instant;
import java.util.Objects;

/** One entry of a table's history ({@code DESCRIBE HISTORY}): version, commit time and operation name. */
public record CommitInfo(long version, Instant timestamp, String operation) {
  public CommitInfo {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(operation, "operation");
  }
}
