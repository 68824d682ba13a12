package org.bigdatalab.dfs.reference;

import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.spec.DfsSpec;

/** Runs the whole DFS spec against {@code dfs-memory}. */
class MemoryDfsConformanceTest extends DfsSpec {
  @Override
  protected DfsEngine createEngine() {
    return new MemoryDfs();
  }
}
