package org.bigdatalab.table;

import java.util.List;

/**
 * What a scan returned: the rows, the data files it opened to find them (the engine's own evidence
 * of partition pruning), and, for engines with a schema on read, how many fields it could not
 * read and returned as null (0 for engines that enforce the schema on write).
 */
public record ScanResult(long version, List<Row> rows, List<DataFile> filesOpened, long nulledFields) {
  public ScanResult {
    rows = List.copyOf(rows);
    filesOpened = List.copyOf(filesOpened);
  }
}
