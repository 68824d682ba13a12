package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The replicas of one block being written, one per target DataNode, in placement order: HDFS's
 * write pipeline. Each packet goes to every target; {@link ReferenceCluster#publish} ends it.
 */
record Pipeline(long blockId, List<DataNode> targets, List<ReplicaWriter> writers) {

  void append(ByteBuffer data, ByteBuffer sums) throws IOException {
    for (ReplicaWriter w : writers) {
      w.append(data, sums);
    }
  }

  void abort() {
    writers.forEach(ReplicaWriter::abort);
  }
}
