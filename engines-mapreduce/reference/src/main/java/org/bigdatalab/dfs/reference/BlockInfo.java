package org.bigdatalab.dfs.reference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The NameNode's record of one block: its id and length (persisted in the edit log) and where its
 * replicas are (never persisted: rebuilt from the DataNodes' block reports, as in HDFS). Replicas
 * are in placement order; those known to be corrupt are kept apart until the replication check
 * removes them.
 */
final class BlockInfo {
  final long id;
  long length;
  final List<String> replicas = new ArrayList<>();
  final Set<String> corrupt = new LinkedHashSet<>();

  BlockInfo(long id) {
    this.id = id;
  }

  @Override public String toString() { return "blk_" + id + "(" + length + "B on " + replicas + ", corrupt " + corrupt + ")"; }
}
