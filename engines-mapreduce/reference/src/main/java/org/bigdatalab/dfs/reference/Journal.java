package org.bigdatalab.dfs.reference;

import java.io.IOException;

/**
 * Where the NameNode persists its namespace: nowhere ({@link #NONE}, for {@code dfs-memory}) or an
 * {@link EditLog} with checkpoints on disk ({@code dfs-local}).
 */
interface Journal {

  void log(Edit edit) throws IOException;

  /** Rebuilds the namespace from what was persisted (block locations excluded). */
  Namespace recover() throws IOException;

  Journal NONE = new Journal() {
    @Override public void log(Edit edit) {}

    @Override public Namespace recover() {
      throw new UnsupportedOperationException("this store keeps its namespace only in memory; a restart loses it");
    }
  };
}
