package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bigdatalab.dfs.DfsPath;

/**
 * The replica of a reader's next block, opened by the cluster's {@link ReadHelper} while the reader
 * reads the end of the block before it, so that the reader does not open two files and check a
 * header alone at each block boundary while the helper waits (at 1 MB blocks a read is one block).
 *
 * <p>The reader {@link #take}s it when it gets to that block: if the helper has not started, the
 * reader takes the job back and opens the replica itself; if it is opening, the reader waits for it.
 * A replica the reader does not use (it went elsewhere, or closed) is closed by {@link #discard}.
 * What the reader checks before it uses one (the right block, its DataNode still running) is
 * {@link ReferenceInput}'s: this class only opens, as {@link ReferenceCluster#openReplica} would for
 * the reader with nothing tried yet.
 */
final class ReplicaPrefetch implements ReadHelper.Job {
  private static final int QUEUED = 0;
  private static final int OPENING = 1;
  private static final int OPENED = 2;
  private static final int TAKEN_BACK = 3;

  private final ReferenceCluster cluster;
  private final DfsPath path;
  private final int index;
  private final ReferenceInput.Extent extent;
  private final AtomicInteger state = new AtomicInteger(QUEUED);
  /** Written before the state turns to OPENED; null when the open failed (the reader then opens, and meets the failure itself). */
  private ReferenceCluster.OpenReplica opened;

  ReplicaPrefetch(ReferenceCluster cluster, DfsPath path, int index, ReferenceInput.Extent extent) {
    this.cluster = cluster;
    this.path = path;
    this.index = index;
    this.extent = extent;
  }

  /** The index of the block it opens in the reader's extents. */
  int index() { return index; }

  @Override public void work() {
    if (!state.compareAndSet(QUEUED, OPENING)) {
      return;
    }
    try {
      opened = cluster.openReplica(path, extent.blockId(), extent.length(), Set.of());
    } catch (IOException | RuntimeException e) {
      opened = null; // the reader opens the block itself and reports what it meets
    } finally {
      state.set(OPENED);
    }
  }

  /** The opened replica, or null (not opened: the reader opens one). Waits while the helper opens it. */
  ReferenceCluster.OpenReplica take() {
    if (state.compareAndSet(QUEUED, TAKEN_BACK)) {
      return null;
    }
    for (int spins = 0; state.get() != OPENED; spins++) {
      if (spins < 1000) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    return opened;
  }

  /** Closes the replica if one was opened: the reader will not read it. */
  void discard() throws IOException {
    ReferenceCluster.OpenReplica r = take();
    if (r != null) {
      r.reader().close();
    }
  }
}
