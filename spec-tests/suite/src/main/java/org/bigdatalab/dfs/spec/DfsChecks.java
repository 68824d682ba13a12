package org.bigdatalab.dfs.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bigdatalab.dfs.BlockLocation;
import org.bigdatalab.dfs.DfsException;
import org.bigdatalab.dfs.DfsException.Problem;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;

/** What the DFS checks do again and again: write in chunks, read back, and assert layouts and errors. */
final class DfsChecks {
  private DfsChecks() {}

  /** Writes {@code data} in the shape's chunks, hflushing as it says, and closes. */
  static void write(DistributedFileSystem fs, DfsPath path, byte[] data, FileShape shape) throws IOException {
    try (DfsOutput out = fs.create(path, false)) {
      writeChunks(out, data, shape.chunks(), shape.flushEvery());
    }
  }

  static void writeChunks(DfsOutput out, byte[] data, List<Integer> chunks, int flushEvery) throws IOException {
    int pos = 0;
    for (int i = 0; pos < data.length; i++) {
      int n = Math.min(chunks.get(i % chunks.size()), data.length - pos);
      out.write(data, pos, n);
      pos += n;
      if (flushEvery > 0 && i % flushEvery == flushEvery - 1) {
        out.hflush();
      }
    }
  }

  /**
   * The whole file. Every clause that reads this way keeps the file readable (it never takes away
   * every healthy replica of a block), so a store that answers NO_HEALTHY_REPLICA fails the clause:
   * an assertion, not an error of the check (a writer that published replicas short of the block's
   * length, for one).
   */
  static byte[] read(DistributedFileSystem fs, DfsPath path) throws IOException {
    try (DfsInput in = fs.open(path)) {
      return in.readRemaining();
    } catch (DfsException e) {
      if (e.problem() == Problem.NO_HEALTHY_REPLICA) {
        throw new AssertionError(path + " should be readable, but: " + e.getMessage(), e);
      }
      throw e;
    }
  }

  /** Asserts the call fails with a DfsException of the given problem whose message names the path. */
  static void assertProblem(ThrowingCallable call, Problem problem, DfsPath path) {
    Throwable t = catchThrowable(call);
    assertThat(t).as("expected %s on %s", problem, path).isInstanceOf(DfsException.class);
    assertThat(((DfsException) t).problem()).as("problem, in: %s", t.getMessage()).isEqualTo(problem);
    assertThat(t.getMessage()).as("the message names the path").contains(path.value());
  }

  static void assertLayout(List<BlockLocation> blocks, long length, long blockSize) {
    assertThat(blocks).as("blocks of a %d-byte file with %d-byte blocks: %s", length, blockSize, blocks)
        .hasSize((int) ((length + blockSize - 1) / blockSize));
    for (BlockLocation b : blocks) {
      assertThat(b.offset()).as("offset of block %d", b.index()).isEqualTo(b.index() * blockSize);
      long expected = b.index() < blocks.size() - 1 ? blockSize : length - b.index() * blockSize;
      assertThat(b.length()).as("length of block %d of %d", b.index(), blocks.size()).isEqualTo(expected);
    }
  }

  static byte[] readWith(DfsInput in, int buffer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[buffer];
    for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Asserts equal bytes, and on a difference says where it starts rather than printing both arrays
   * (large-piece reads compare hundreds of kilobytes).
   */
  static void assertSameBytes(byte[] actual, byte[] expected, String what) {
    int at = Arrays.mismatch(actual, expected);
    if (at < 0) {
      return;
    }
    String detail = at < Math.min(actual.length, expected.length)
        ? String.format("byte %d is %d, expected %d", at, actual[at], expected[at])
        : String.format("the read gave %d bytes, expected %d", actual.length, expected.length);
    throw new AssertionError(what + ": " + detail);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
