package org.bigdatalab.table.reference;

import java.util.List;
import java.util.Map;
import org.bigdatalab.table.DataFile;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.Row;

/**
 * What a write will do: the data files it adds (with their rows, written before the commit), the
 * files it removes, and which partitions it read to decide that ({@code null}: none, as for a
 * blind append). A concurrent commit that changed a partition this write read is a conflict.
 */
record Plan(String operation, List<NewFile> adds, List<DataFile> removes, Predicate reads) {
  Plan {
    adds = List.copyOf(adds);
    removes = List.copyOf(removes);
  }

  record NewFile(DataFile file, List<Row> rows) {}

  boolean read(Map<String, Object> partition) {
    return reads != null && reads.mayMatch(partition);
  }
}
