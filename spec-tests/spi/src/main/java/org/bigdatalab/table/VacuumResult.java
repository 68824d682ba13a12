package org.bigdatalab.table;

import java.time.Instant;
import java.util.List;

/**
 * What a vacuum did: the horizon it used (its clock's now minus the retention: files still needed
 * by a version current at or after it are kept) and the data files it deleted.
 */
public record VacuumResult(Instant horizon, List<String> deletedFiles) {
  public VacuumResult {
    deletedFiles = List.copyOf(deletedFiles);
  }
}
