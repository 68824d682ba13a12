package org.bigdatalab.table;

import java.util.function.LongSupplier;

/**
 * A MERGE that its engine plans when it commits, on the latest version, rather than when it is
 * prepared: Delta's and Iceberg's MERGE each run as one statement. Prepared on a version where its
 * matches were unique, it can meet a racing winner's rows at commit and find them no longer unique.
 * That is a lost race, not a bad MERGE, so it is reported as a {@link TableException.Problem#CONFLICT},
 * as table-log reports it.
 */
public final class MergePlannedAtCommit implements PendingCommit {
  private final String table;
  private final LongSupplier latest;
  private final TableException.Work<Long> merge;
  private final long readVersion;

  /**
   * @param latest the table's latest version, read now (the version this MERGE is prepared on) and again if it fails
   * @param merge runs the MERGE on the latest version and returns the version it committed
   */
  public MergePlannedAtCommit(String table, LongSupplier latest, TableException.Work<Long> merge) {
    this.table = table;
    this.latest = latest;
    this.merge = merge;
    this.readVersion = latest.getAsLong();
  }

  @Override public long readVersion() { return readVersion; }

  @Override public long commit() throws TableException {
    try {
      return TableException.storageErrors(table, merge);
    } catch (TableException e) {
      long now = latest.getAsLong();
      if (e.problem() == TableException.Problem.MERGE_AMBIGUOUS && now != readVersion) {
        throw new TableException(TableException.Problem.CONFLICT, table, "the table moved from version "
            + readVersion + " to " + now + " since this MERGE was prepared: " + e.getMessage(), e);
      }
      throw e;
    }
  }
}
