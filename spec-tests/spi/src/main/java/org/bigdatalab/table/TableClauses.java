package org.bigdatalab.table;

import static org.bigdatalab.spi.Clause.Level.REQUIRED;

import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.ClauseCatalogue;
import org.bigdatalab.spi.Topic;

/**
 * The guarantees of a table format (Delta Lake, Iceberg, our {@code table-log}): what a log of
 * atomic commits over immutable data files promises writers and readers. The ids are a contract
 * (issue 14); {@link #CATALOGUE} is the one place they are described.
 */
public final class TableClauses {
  private TableClauses() {}

  public static final String COMMIT_ATOMIC = "table.commit.atomic";
  public static final String COMMIT_CONFLICT = "table.commit.conflict";
  public static final String SNAPSHOT_ISOLATION = "table.snapshot-isolation";
  public static final String TIME_TRAVEL = "table.time-travel";
  public static final String MERGE_UPSERT = "table.merge.upsert";
  public static final String PARTITION_PRUNING = "table.partition-pruning";
  public static final String VACUUM_RETENTION = "table.vacuum.retention";
  public static final String SCHEMA_ENFORCED = "table.schema.enforced";

  private static final String DELTA = "Delta Lake transaction log protocol (PROTOCOL.md: actions, optimistic concurrency)";
  private static final String DELTA_DOCS = "Delta Lake documentation";
  private static final String ICEBERG = "Apache Iceberg table spec (snapshots, optimistic concurrency)";
  private static final String SEED = "seed: Data Lake section (Delta write, MERGE upsert, time travel, vacuum)";

  public static final ClauseCatalogue CATALOGUE = ClauseCatalogue.of(Topic.TABLE,
      new Clause(COMMIT_ATOMIC, Topic.TABLE, REQUIRED,
          "A write that fails at any point leaves the table at its previous version with its previous rows;"
              + " a write that succeeds adds exactly one version; no reader ever sees part of a commit.",
          DELTA + "; " + ICEBERG + " (atomic swap of the metadata pointer)",
          "the order of the commit: data files must be complete before the log entry that names them is published"),
      new Clause(COMMIT_CONFLICT, Topic.TABLE, REQUIRED,
          "Writers that prepared their commits on the same version and commit one after the other never lose an update:"
              + " the first commit wins, each later one either commits on top of it or fails with a CONFLICT error,"
              + " and the table equals the committed writes applied one by one in commit order.",
          DELTA + " ('Optimistic Concurrency Control', put-if-absent of the next commit file); " + DELTA_DOCS
              + " (concurrency control, ConcurrentAppendException)",
          "the put-if-absent of the next commit file, and the check of the winners' files against what the loser read"),
      new Clause(SNAPSHOT_ISOLATION, Topic.TABLE, REQUIRED,
          "A reader pinned to version v reads exactly the rows of v, however many writes commit or fail after it pinned.",
          DELTA + " (snapshots); " + ICEBERG,
          "a snapshot that lists the log again when it reads, instead of keeping the files of its version"),
      new Clause(TIME_TRAVEL, Topic.TABLE, REQUIRED,
          "Reading version v returns exactly the rows of v, read from its data files; reading at time t returns the"
              + " latest version committed at or before t; a version that never existed, or a time before the first"
              + " commit, fails with a clear error.",
          DELTA_DOCS + " (time travel: VERSION AS OF, TIMESTAMP AS OF); " + SEED
              + "; Delta answers count() of an old version from its log, so rows are compared, never counts",
          "the replay of the log up to v (adds and removes), and the choice of version for a timestamp"),
      new Clause(MERGE_UPSERT, Topic.TABLE, REQUIRED,
          "MERGE gives the model's rows (matched rows updated or deleted, unmatched source rows inserted);"
              + " a source row that matches two target rows, or two source rows that match one target row,"
              + " fails with a MERGE_AMBIGUOUS error and writes nothing.",
          DELTA_DOCS + " (MERGE INTO, 'multiple source rows matched'); SQL:2003 MERGE; " + SEED,
          "the duplicate check before any file is rewritten"),
      new Clause(PARTITION_PRUNING, Topic.TABLE, REQUIRED,
          "A scan with a predicate on partition columns returns exactly the matching rows and opens only files of"
              + " matching partitions, by the engine's own account of the files it opened.",
          "Hive partitioned tables; " + DELTA_DOCS + " (partition pruning, data skipping)",
          "whether the scan filters the log's file list by partition values before opening files"),
      new Clause(VACUUM_RETENTION, Topic.TABLE, REQUIRED,
          "Vacuum with retention r never deletes a file that a version current at any time within r before the vacuum"
              + " needs; reading an older version returns exactly its rows or fails with a VERSION_EXPIRED error,"
              + " never other rows.",
          DELTA_DOCS + " (VACUUM, delta.deletedFileRetentionDuration); " + SEED,
          "the horizon: a file removed after now - r is still needed by the version it was removed from"),
      new Clause(SCHEMA_ENFORCED, Topic.TABLE, REQUIRED,
          "A write with a record that breaks the schema fails whole with a SCHEMA_VIOLATION error naming the record"
              + " and the field, and commits nothing (schema on write); an engine that reads with a schema on read"
              + " declares so, and then bad fields read back as nulls and are counted, never silently dropped.",
          DELTA_DOCS + " (schema enforcement); Hive (schema on read); this project's error rule (say what is wrong, and where)",
          "the check of every record before the first file is written"));
}
