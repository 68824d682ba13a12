package org.bigdatalab.dfs.reference;

/**
 * The bytes of one replica of a block as a DataNode holds them, with their checksums (one CRC32C
 * per 512 bytes). Immutable: a DataNode replaces a replica whole when a block grows.
 */
record Replica(long blockId, byte[] data, int[] checksums) {

  static Replica of(long blockId, byte[] data) {
    return new Replica(blockId, data.clone(), Checksums.of(data, data.length));
  }

  /** Whether the bytes still match their checksums. */
  boolean healthy() {
    return Checksums.firstBadChunk(data, checksums) < 0;
  }

  int length() { return data.length; }
}
