package org.bigdatalab.mapreduce;

import java.nio.file.Path;

/** Refuses to run a job whose output directory exists, as Hadoop does: output is never overwritten. */
public final class OutputDirectoryExistsException extends JobFailedException {
  private static final long serialVersionUID = 1L;

  public OutputDirectoryExistsException(Path dir) {
    super("output directory " + dir + " already exists; choose a new one or delete it");
  }
}
