package org.bigdatalab.table;

/**
 * One version of a table, pinned: whatever commits or vacuums happen later (within the retention),
 * it reads the rows of its version. Reading it opens the version's data files; the version's
 * file list is fixed when the snapshot is taken.
 */
public interface Snapshot {

  long version();

  /** Every row of the version. */
  default ScanResult read() throws TableException {
    return scan(Predicate.all());
  }

  /** The rows that match, opening only the files that may hold them. */
  ScanResult scan(Predicate where) throws TableException;
}
