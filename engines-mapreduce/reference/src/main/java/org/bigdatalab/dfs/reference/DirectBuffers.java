package org.bigdatalab.dfs.reference;

import java.nio.ByteBuffer;

/** Direct buffers that positional reads of block files fill. */
final class DirectBuffers {
  private DirectBuffers() {}

  private static final int PAGE = 4096;

  /**
   * A direct buffer of {@code capacity} bytes that starts on a page boundary, for positional reads
   * into it. The kernel copies the page cache into it with {@code rep movsb}, which runs several
   * times slower when the destination sits a few bytes past the source's offset in a page (each load
   * seems to depend on the store just before it: 4K aliasing). A block file's pages start on page
   * boundaries, and a plain direct buffer of 128 KB or more is its own malloc'd mapping that starts 16
   * bytes past one: a 4 MB read through 128 KB segments took 2.0 ms of CPU, 45% of it in
   * {@code _copy_to_iter}, against 0.61 ms page-aligned (benchmarks/RESULTS.md, 2026-12-07, s7-dfsr).
   */
  static ByteBuffer pageAligned(int capacity) {
    return ByteBuffer.allocateDirect(capacity + PAGE).alignedSlice(PAGE).limit(capacity).slice();
  }
}
