package org.bigdatalab.table;

import java.util.Map;
import java.util.Objects;

/** A data file of a table, as its log names it: where it is, which partition it holds, how many rows. */
public record DataFile(String path, Map<String, Object> partition, long rows) {
  public DataFile {
    Objects.requireNonNull(path, "path");
    partition = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(partition));
  }
}
