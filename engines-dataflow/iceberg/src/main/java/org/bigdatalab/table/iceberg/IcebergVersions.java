package org.bigdatalab.table.iceberg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.bigdatalab.table.CommitInfo;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;

/**
 * The SPI's versions on Iceberg's snapshots. Version 0 is the table as created (Iceberg makes no
 * snapshot for it); version n is the snapshot whose sequence number is n: in format 2 every
 * committed snapshot takes the next sequence number, and a commit that loses a race takes none.
 *
 * <p>Expiring snapshots (the adapter's vacuum) removes them from the table's metadata and from its
 * snapshot log, so Iceberg's own history forgets them. The SPI's history lists every version, so an
 * expired version is looked up in the previous metadata files that the table's metadata log names
 * (Iceberg keeps the last 100 by default, {@code write.metadata.previous-versions-max}).
 */
final class IcebergVersions {
  /** Table property with the creation time in epoch ms: the commit time of version 0. */
  static final String CREATED_AT = "bigdata-lab.created-at-ms";

  private final TableMetadata current;
  private final org.apache.iceberg.io.FileIO io;
  private final Map<Long, Snapshot> bySequence = new HashMap<>();

  IcebergVersions(org.apache.iceberg.Table table) {
    this.current = ((HasTableOperations) table).operations().current();
    this.io = table.io();
    current.snapshots().forEach(s -> bySequence.put(s.sequenceNumber(), s));
  }

  long latest() {
    Snapshot s = current.currentSnapshot();
    return s == null ? 0 : s.sequenceNumber();
  }

  /** The snapshot of version {@code v} (v at least 1), or null when it was expired. */
  Snapshot live(long v) {
    return bySequence.get(v);
  }

  Instant createdAt() {
    return Instant.ofEpochMilli(Long.parseLong(current.properties().get(CREATED_AT)));
  }

  List<CommitInfo> history() {
    Map<Long, Snapshot> all = new HashMap<>(bySequence);
    long latest = latest();
    boolean gaps = all.size() < latest;
    List<TableMetadata.MetadataLogEntry> previous = current.previousFiles();
    for (int i = previous.size() - 1; gaps && i >= 0; i--) {
      TableMetadata old = TableMetadataParser.read(io, previous.get(i).file());
      old.snapshots().forEach(s -> all.putIfAbsent(s.sequenceNumber(), s));
      gaps = all.size() < latest;
    }
    List<CommitInfo> out = new ArrayList<>();
    out.add(new CommitInfo(0, createdAt(), "CREATE TABLE"));
    for (long v = 1; v <= latest; v++) {
      Snapshot s = all.get(v);
      out.add(s == null ? new CommitInfo(v, out.get(out.size() - 1).timestamp(), "(expired, metadata file gone)")
          : new CommitInfo(v, Instant.ofEpochMilli(s.timestampMillis()), s.operation()));
    }
    return out;
  }

  /** The latest version committed at or before {@code time}. */
  long at(String table, Instant time) throws TableException {
    List<CommitInfo> history = history();
    if (time.isBefore(history.get(0).timestamp())) {
      throw new TableException(Problem.VERSION_NOT_FOUND, table, "no version at " + time + ": the table was created at "
          + history.get(0).timestamp());
    }
    long v = 0;
    for (CommitInfo c : history) {
      if (!c.timestamp().isAfter(time)) {
        v = c.version();
      }
    }
    return v;
  }
}
