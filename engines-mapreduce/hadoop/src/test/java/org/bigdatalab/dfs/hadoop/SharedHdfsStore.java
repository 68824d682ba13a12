package org.bigdatalab.dfs.hadoop;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One {@code dfs-hdfs} store for all of this module's tests: its MiniDFSClusters take seconds to
 * start, so the DFS suite and the MapReduce suite's DFS-input clause draw from the same kept
 * clusters. Suites may close it (that keeps the clusters); they are stopped when the JUnit
 * launcher session ends (registered in META-INF/services).
 */
public final class SharedHdfsStore implements LauncherSessionListener {
  private static HdfsStore store;

  /** The shared store, started on first use. */
  public static synchronized HdfsStore get() {
    if (store == null) {
      store = new HdfsStore() {
        @Override public void close() {
          // kept for the next test class; stopped at the end of the session
        }
      };
    }
    return store;
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    stopAll();
  }

  private static synchronized void stopAll() {
    if (store != null) {
      HdfsStore running = store;
      store = null;
      running.stopClusters();
    }
  }
}
