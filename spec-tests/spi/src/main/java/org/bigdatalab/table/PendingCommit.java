package org.bigdatalab.table;

/**
 * A write whose data files are written but whose commit is not yet published (Delta's
 * {@code OptimisticTransaction} before {@code commit}). Holding two of these from the same version
 * and committing them in a chosen order is how the suite interleaves concurrent writers
 * deterministically.
 */
public interface PendingCommit {

  /** The version the write was planned on. */
  long readVersion();

  /**
   * Publishes the commit: the new version, possibly after rebasing on commits published since
   * {@link #readVersion()} when they do not touch what this write read; otherwise a
   * {@link TableException} of {@link TableException.Problem#CONFLICT}.
   */
  long commit() throws TableException;
}
