package org.bigdatalab.table.delta;

import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * Hadoop's local file system with a writer that can crash: when {@link #arm armed} for a table's
 * directory, it lets that many storage changes through (a file created, renamed or deleted under
 * the directory) and then fails every later one, as a process that died would write nothing more.
 * Delta writes its data files (Parquet, through Spark's tasks) and its commit files (LocalLogStore:
 * a temporary file renamed onto {@code _delta_log/NNN.json}) through this class, so the spec's
 * {@link org.bigdatalab.table.TableFaults} reach real Delta code. The commit's rename disarms it:
 * once a version is published, the write has happened, and Delta's after-commit chores (checksum
 * and checkpoint files) are not part of it.
 *
 * <p>The state is static because Spark creates its own instances; it works where tasks run in
 * this JVM ({@code local[*]}), not on a cluster's executors.
 */
public class CrashingLocalFileSystem extends LocalFileSystem {
  private static final Pattern COMMIT_FILE = Pattern.compile(".*/_delta_log/\\d{20}\\.json");

  private static String armedDir;
  private static int changesLeft;
  private static boolean crashed;

  /** Lets {@code changes} storage changes under {@code dir} through, then fails all others. */
  static synchronized void arm(String dir, int changes) {
    armedDir = dir.endsWith("/") ? dir : dir + "/";
    changesLeft = changes;
    crashed = false;
  }

  /** Clears the fault; true when the writer crashed while it was armed. */
  static synchronized boolean disarm() {
    boolean was = crashed;
    armedDir = null;
    crashed = false;
    return was;
  }

  private static synchronized void change(Path path) throws IOException {
    if (armedDir == null || !path.toUri().getPath().startsWith(armedDir)) {
      return;
    }
    if (crashed || changesLeft == 0) {
      crashed = true;
      throw new IOException("injected writer crash before changing " + path);
    }
    changesLeft--;
  }

  private static synchronized void published(Path target) {
    if (armedDir != null && !crashed && COMMIT_FILE.matcher(target.toUri().getPath()).matches()) {
      armedDir = null;
    }
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                   short replication, long blockSize, Progressable progress) throws IOException {
    change(f);
    return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    change(dst);
    boolean done = super.rename(src, dst);
    if (done) {
      published(dst);
    }
    return done;
  }

  @Override
  public boolean delete(Path f, boolean recursive) throws IOException {
    change(f);
    return super.delete(f, recursive);
  }
}
