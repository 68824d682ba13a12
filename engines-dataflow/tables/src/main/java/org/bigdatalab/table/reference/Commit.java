package org.bigdatalab.table.reference;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.bigdatalab.table.DataFile;

/**
 * One entry of the log: the version it makes, when, what operation, which version it was planned
 * on, and the data files it adds and removes (Delta's {@code add} and {@code remove} actions).
 * A version's files are those added by commits up to it and not removed since.
 */
record Commit(long version, long timestampMillis, String operation, long readVersion,
              List<DataFile> adds, List<DataFile> removes) {
  Commit {
    Objects.requireNonNull(operation, "operation");
    adds = List.copyOf(adds);
    removes = List.copyOf(removes);
  }

  /** The partitions whose files this commit changed. */
  Stream<Map<String, Object>> touchedPartitions() {
    return Stream.concat(adds.stream(), removes.stream()).map(DataFile::partition);
  }

  Commit at(long newVersion, long newTimestamp) {
    return new Commit(newVersion, newTimestamp, operation, readVersion, adds, removes);
  }
}
