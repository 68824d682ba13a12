package org.bigdatalab.dfs.spec;

import java.util.List;
import java.util.Random;

/**
 * A file to write, described relative to the block size so sizes land on and around block
 * boundaries: {@code blocks * blockSize + delta} bytes (at least 0), written in chunks of the given
 * sizes (cycled), with an hflush after every {@code flushEvery}-th chunk (0: never). The bytes come
 * from {@code seed}, so a failing case prints compactly and replays exactly.
 */
public record FileShape(int blocks, int delta, List<Integer> chunks, int flushEvery, long seed) {

  public FileShape {
    chunks = List.copyOf(chunks);
    if (chunks.isEmpty() || chunks.stream().anyMatch(c -> c < 1)) {
      throw new IllegalArgumentException("chunk sizes must be positive: " + chunks);
    }
  }

  public int size(long blockSize) {
    return (int) Math.max(0, blocks * blockSize + delta);
  }

  public byte[] bytes(long blockSize) {
    byte[] data = new byte[size(blockSize)];
    new Random(seed).nextBytes(data);
    return data;
  }
}
