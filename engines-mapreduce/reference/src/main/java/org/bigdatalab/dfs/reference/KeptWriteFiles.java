package org.bigdatalab.dfs.reference;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The write files of a DataNode's replicas, kept open from the writer that published a replica to the
 * writer that takes its pair as a spare after a delete: that writer renames the pair into place and
 * writes through the files already open, where it opened both and its publish closed both (two opens
 * and two closes per replica, 10-15 us of a 1 MB block's 200 us per replica: RESULTS.md, s9-dfsw).
 *
 * <p>Only a replica written under its final names is kept (a continued one replaces another inode, and
 * the store drops the replaced replica's files, so kept files never belong to a name's earlier inode).
 * A published replica's kept files are never written: a writer gets them only with the spare pair
 * they belong to. At most {@link #MAX} pairs are open, counting those that spares carry; beyond it the
 * least recently kept published replica's pair is closed. Not thread-safe: the store calls it under
 * its lock.
 */
final class KeptWriteFiles {
  /** Two open files each: as many as the read side keeps ({@link IdleReplicas#MAX}). */
  static final int MAX = 256;

  private final LinkedHashMap<Long, WriteFiles> published = new LinkedHashMap<>();
  /** Pairs open: those of published replicas and those spares carry. */
  private int open;

  /** Keeps a published replica's files, or closes them when every kept pair is a spare's. */
  void keep(long id, WriteFiles files) {
    if (open >= MAX) {
      Iterator<WriteFiles> eldest = published.values().iterator();
      if (!eldest.hasNext()) {
        files.closeQuietly();
        return;
      }
      eldest.next().closeQuietly();
      eldest.remove();
      open--;
    }
    WriteFiles before = published.put(id, files);
    if (before != null) {
      before.closeQuietly(); // block ids are never reused; a second publish under the same name replaced the first
    } else {
      open++;
    }
  }

  /** The files kept for a replica that becomes a spare, to travel with it (still counted), or null. */
  WriteFiles toSpare(long id) {
    return published.remove(id);
  }

  /** A spare's files left the count: taken by a writer, or closed. */
  void released(WriteFiles files) {
    if (files != null) {
      open--;
    }
  }

  /** Closes the files kept for a replica whose inode goes away (unlinked, emptied or replaced). */
  void drop(long id) {
    WriteFiles files = published.remove(id);
    if (files != null) {
      files.closeQuietly();
      open--;
    }
  }

  /** Closes every published replica's kept files (the store closes its spares' own). */
  void closeAll() {
    published.values().forEach(WriteFiles::closeQuietly);
    open -= published.size();
    published.clear();
  }
}
