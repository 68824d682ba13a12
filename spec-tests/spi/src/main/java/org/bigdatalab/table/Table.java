package org.bigdatalab.table;

import java.time.Duration;
import java.util.List;

/**
 * A table of a table format: a schema, partition columns, and a log of versions, each an atomic
 * commit over immutable data files. Version 0 is the empty table as created; every successful
 * write adds one version. See {@link TableClauses} for what a table promises.
 */
public interface Table {

  String name();

  TableSchema schema();

  /** Plans the write on the latest version and writes its data files; nothing is visible until {@link PendingCommit#commit()}. */
  PendingCommit prepare(TableOperation operation) throws TableException;

  /** Prepares and commits in one step; returns the new version. */
  default long write(TableOperation operation) throws TableException {
    return prepare(operation).commit();
  }

  /** Pins a version: the latest, a version number or the version current at a time. */
  Snapshot snapshot(ReadAt at) throws TableException;

  /** Every version, oldest first. */
  List<CommitInfo> history() throws TableException;

  /** Deletes data files no version current within {@code retention} before now needs. */
  VacuumResult vacuum(Duration retention) throws TableException;

  TableFaults faults();
}
