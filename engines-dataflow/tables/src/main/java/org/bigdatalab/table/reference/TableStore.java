package org.bigdatalab.table.reference;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.bigdatalab.table.Row;

/**
 * Where one table's log and data files live. {@link #publish} is the only step that makes
 * anything visible, and it must be put-if-absent: of two writers publishing the same version, one
 * wins and the other is told so. Everything above it (planning, conflict checks, snapshots,
 * vacuum) is the same for every store, in {@link LogTable}.
 */
interface TableStore extends Closeable {

  void writeDataFile(String path, List<Row> rows) throws IOException;

  List<Row> readDataFile(String path) throws IOException;

  void deleteDataFile(String path) throws IOException;

  /** Every data file present, referenced by the log or not (a crashed writer's files too). */
  List<String> dataFiles() throws IOException;

  /** Publishes the commit as its version if no commit has that version yet; false if one has. */
  boolean publish(Commit commit) throws IOException;

  /** The highest published version (0 once the table is created). */
  long latestVersion() throws IOException;

  Commit commit(long version) throws IOException;

  /** The oldest version a vacuum kept readable: older ones have lost files. */
  Optional<Long> expiredBefore() throws IOException;

  void expireBefore(long version) throws IOException;

  @Override
  default void close() throws IOException {}
}
