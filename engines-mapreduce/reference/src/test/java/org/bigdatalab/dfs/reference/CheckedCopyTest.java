package org.bigdatalab.dfs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bigdatalab.dfs.ClusterSpec;
import org.junit.jupiter.api.Test;

/**
 * A bulk read's segments are claimed by the reader from the front and by its helper from the back
 * ({@link CheckedCopy#claim}): pinned examples of that split's ways of being wrong, a segment claimed
 * twice or never, or one the helper does (alone, as when the reader is descheduled) copied to the
 * wrong place or left unchecked. Deterministic: the helper's part is called here, not offered.
 */
class CheckedCopyTest {
  private static final int N = 4 * CheckedCopy.SEGMENT + 3 * Checksums.CHUNK; // five segments, the last short

  @Test
  void eachSegmentIsClaimedOnceFromEitherEnd() throws IOException {
    try (ReferenceCluster cluster = cluster()) {
      CheckedCopy copy = new CheckedCopy(cluster, replica(bytes()).reader(), 0, new byte[N], 0, N, null, false);
      List<Integer> claims = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        claims.add(copy.claim(i % 2 == 1));
      }
      assertThat(claims).containsExactly(0, 4, 1, 3, 2, -1, -1);
    }
  }

  @Test
  void theHelperAloneCopiesEverySegmentToItsPlaceAndChecksIt() throws IOException {
    byte[] data = bytes();
    Replica good = replica(data);
    try (ReferenceCluster cluster = cluster()) {
      byte[] out = new byte[N + 100];
      CheckedCopy copy = new CheckedCopy(cluster, good.reader(), 0, out, 100, N, sums(good), true);
      copy.workFromBack();
      copy.awaitDone();
      assertThat(copy.corrupt()).isFalse();
      assertThat(copy.failure()).isNull();
      assertThat(Arrays.copyOfRange(out, 100, 100 + N)).isEqualTo(data);

      CheckedCopy ofCorrupt = new CheckedCopy(cluster, good.withByteFlipped(7).reader(), 0, new byte[N], 0, N, sums(good), true);
      ofCorrupt.workFromBack();
      ofCorrupt.awaitDone();
      assertThat(ofCorrupt.corrupt()).as("a flipped byte in the first segment, done last by the helper").isTrue();
    }
  }

  private static ReferenceCluster cluster() throws IOException {
    return (ReferenceCluster) new MemoryDfs().start(ClusterSpec.builder().rack("r1", "dn1").replication(1).build());
  }

  private static Replica replica(byte[] data) {
    ByteBuffer sums = ByteBuffer.allocate(Checksums.chunks(data.length) * Checksums.SUM);
    Checksums.compute(ByteBuffer.wrap(data), sums);
    return new Replica(data, sums.array());
  }

  private static ByteBuffer sums(Replica r) {
    return ByteBuffer.wrap(r.sums());
  }

  private static byte[] bytes() {
    byte[] b = new byte[N];
    new Random(15).nextBytes(b);
    return b;
  }
}
