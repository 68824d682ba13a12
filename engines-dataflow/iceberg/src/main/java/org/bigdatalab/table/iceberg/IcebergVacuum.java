package org.bigdatalab.table.iceberg;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Snapshot;
import org.bigdatalab.table.VacuumResult;

/**
 * Vacuum as Iceberg's snapshot expiry ({@code expireSnapshots}, what the {@code expire_snapshots}
 * procedure runs), which drops snapshots and deletes the files that no remaining snapshot needs.
 * Iceberg's {@code expireOlderThan(t)} expires every snapshot stamped before t, among them the
 * snapshot that was current at t, which a reader inside the retention still needs. So the horizon
 * is turned into the version current at it, and only snapshots stamped before that version's
 * snapshot are expired. The deleted files are those Iceberg hands to {@code deleteWith}.
 */
final class IcebergVacuum {
  private IcebergVacuum() {}

  static VacuumResult run(org.apache.iceberg.Table table, Duration retention) throws org.bigdatalab.table.TableException {
    Instant horizon = Instant.now().minus(retention);
    IcebergVersions versions = new IcebergVersions(table);
    long keep = versions.at(table.name(), horizon.isBefore(versions.createdAt()) ? versions.createdAt() : horizon);
    Snapshot kept = keep == 0 ? null : versions.live(keep);
    List<String> deleted = new ArrayList<>();
    if (kept != null) {
      table.expireSnapshots().expireOlderThan(kept.timestampMillis()).retainLast(1)
          .deleteWith(path -> {
            table.io().deleteFile(path);
            if (path.endsWith(".parquet")) {
              deleted.add(path);
            }
          }).commit();
    }
    return new VacuumResult(horizon, deleted);
  }
}
