package org.bigdatalab.table.iceberg;

import java.io.UncheckedIOException;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.io.OutputFile;

/**
 * Iceberg's Hadoop file IO with a writer that can crash: when {@link #arm armed} for a table's
 * location, it lets that many storage changes through (a file created or deleted under it) and then
 * fails every later one, as a process that died would write nothing more. Everything Iceberg writes
 * goes through a table's FileIO: data files (from this adapter and from Spark's MERGE tasks),
 * manifests, manifest lists and the new metadata file that a commit then renames into place, so the
 * spec's {@link org.bigdatalab.table.TableFaults} reach real Iceberg code.
 *
 * <p>The state is static because Spark serializes the FileIO to its tasks; it works where tasks run
 * in this JVM ({@code local[*]}), not on a cluster's executors.
 */
public class CrashingFileIO extends HadoopFileIO {
  private static final long serialVersionUID = 1L;

  private static String armedPrefix;
  private static int changesLeft;
  private static boolean crashed;

  /** Lets {@code changes} storage changes under {@code location} through, then fails all others. */
  static synchronized void arm(String location, int changes) {
    String path = pathOf(location);
    armedPrefix = path.endsWith("/") ? path : path + "/";
    changesLeft = changes;
    crashed = false;
  }

  /** Clears the fault; true when the writer crashed while it was armed. */
  static synchronized boolean disarm() {
    boolean was = crashed;
    armedPrefix = null;
    crashed = false;
    return was;
  }

  private static synchronized void change(String location) {
    if (armedPrefix == null || !pathOf(location).startsWith(armedPrefix)) {
      return;
    }
    if (crashed || changesLeft == 0) {
      crashed = true;
      throw new UncheckedIOException(new java.io.IOException("injected writer crash before changing " + location));
    }
    changesLeft--;
  }

  private static String pathOf(String location) {
    return new org.apache.hadoop.fs.Path(location).toUri().getPath();
  }

  /**
   * Counts the change when the file is asked for, and hands back Iceberg's own Hadoop output file:
   * Iceberg's Parquet writer unwraps the stream of a HadoopOutputFile, and a wrapper around it would
   * leave Iceberg's stream unreferenced, to be closed by its cleaner under the writer's feet. Iceberg
   * asks for an output file only to write it.
   */
  @Override public OutputFile newOutputFile(String path) {
    change(path);
    return super.newOutputFile(path);
  }

  @Override public void deleteFile(String path) {
    change(path);
    super.deleteFile(path);
  }

  @Override public void deleteFiles(Iterable<String> paths) {
    paths.forEach(CrashingFileIO::change);
    super.deleteFiles(paths);
  }
}
