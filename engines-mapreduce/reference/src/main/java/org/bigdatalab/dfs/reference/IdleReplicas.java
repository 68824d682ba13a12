package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DataNode's published replicas that no reader has open but whose files are kept open for the
 * next reader, as the HDFS client's short-circuit cache keeps a local replica's file descriptors
 * (and its mmap) after a read ({@code dfs.client.read.shortcircuit.streams.cache.size}, 256 by
 * default, the bound used here): opening a replica (two files, the checksum header, the size) cost
 * 28.6 us per block against about 140 us for reading 1 MB of it, the largest part of a small-block
 * read's time that the reader does alone (benchmarks/RESULTS.md, 2026-12-07, s7-dfsr).
 *
 * <p>Each kept replica carries the stamp its store gave the replica's publication: it is handed out
 * only while that is still the stamp, so a replica continued (republished under its name) or deleted
 * since is never read through files kept from before. The store also drops a replica's entry when it
 * republishes or deletes it, so that kept files never hold a deleted replica's inode (and its space)
 * or keep it from being recycled. The least recently kept replica is closed beyond the bound. Not
 * thread-safe: the store calls it under its lock.
 */
final class IdleReplicas {
  /** HDFS's default short-circuit stream cache size: two open files each. */
  static final int MAX = 256;

  private record Kept(long stamp, DiskReplicaReader files) {}

  private final int max;
  private final LinkedHashMap<Long, Kept> kept = new LinkedHashMap<>();

  IdleReplicas(int max) {
    this.max = max;
  }

  /** The files kept for {@code blockId} as published under {@code stamp}, no longer kept; null if none. */
  DiskReplicaReader take(long blockId, long stamp) {
    Kept k = kept.remove(blockId);
    if (k == null) {
      return null;
    }
    if (k.stamp() != stamp) {
      closeQuietly(k.files());
      return null;
    }
    return k.files();
  }

  /** Keeps {@code files} for the next reader of the replica published under {@code stamp}, closing the least recently kept beyond the bound. */
  void keep(long blockId, long stamp, DiskReplicaReader files) {
    Kept before = kept.put(blockId, new Kept(stamp, files));
    if (before != null) {
      closeQuietly(before.files()); // two readers had the replica open at once: one pair is enough
    }
    for (Iterator<Map.Entry<Long, Kept>> eldest = kept.entrySet().iterator(); kept.size() > max; ) {
      closeQuietly(eldest.next().getValue().files());
      eldest.remove();
    }
  }

  /** Closes the files kept for {@code blockId}, if any: its replica is being deleted or replaced. */
  void drop(long blockId) {
    Kept k = kept.remove(blockId);
    if (k != null) {
      closeQuietly(k.files());
    }
  }

  void closeAll() {
    kept.values().forEach(k -> closeQuietly(k.files()));
    kept.clear();
  }

  int size() { return kept.size(); }

  static void closeQuietly(DiskReplicaReader files) {
    try {
      files.close();
    } catch (IOException e) {
      // a read-only file that will not close loses nothing; the replica's bytes are unchanged
    }
  }
}
