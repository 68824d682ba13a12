package org.bigdatalab.dfs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.IntRange;
import org.bigdatalab.property.Size;

/** The bulk check finds exactly the chunk a flipped byte is in, and passes untouched bytes, on heap and direct buffers. */
class ChecksumsTest {

  @Property(tries = 200)
  void untouchedBytesPass(@ForAll @Size(max = 5000) byte[] bytes, @ForAll @IntRange(max = 700) int offset, @ForAll boolean direct) {
    ByteBuffer data = placed(bytes, offset, direct);
    assertThat(Checksums.firstBadChunk(data, sumsOf(data))).isEqualTo(-1);
  }

  @Property(tries = 200)
  void aFlippedByteIsFoundInItsChunk(@ForAll @Size(min = 1, max = 5000) byte[] bytes, @ForAll @IntRange(max = 4999) int flip,
      @ForAll @IntRange(max = 700) int offset, @ForAll boolean direct) {
    ByteBuffer data = placed(bytes, offset, direct);
    ByteBuffer sums = sumsOf(data);
    int at = flip % bytes.length;
    data.put(offset + at, (byte) (data.get(offset + at) ^ 0x10));
    assertThat(Checksums.firstBadChunk(data, sums)).isEqualTo(at / Checksums.CHUNK);
  }

  /** The stored CRCs combined (four chains and a tail) are the CRC of all the chunks, for every count of chunks. */
  @Property(tries = 100)
  void combinedSumsAreTheCrcOfTheWholeChunks(@ForAll @Size(max = 12000) byte[] bytes) {
    int whole = bytes.length / Checksums.CHUNK;
    ByteBuffer data = ByteBuffer.wrap(bytes, 0, whole * Checksums.CHUNK);
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, whole * Checksums.CHUNK);
    assertThat(Checksums.combined(sumsOf(data), whole)).isEqualTo(whole == 0 ? 0 : (int) crc.getValue());
  }

  @Property(tries = 50)
  void shiftingCombinesTwoCrcs(@ForAll @Size(max = 3000) byte[] a, @ForAll @Size(max = 3000) byte[] b) {
    CRC32C crc = new CRC32C();
    crc.update(a);
    int crcA = (int) crc.getValue();
    crc.update(b);
    int both = (int) crc.getValue();
    crc.reset();
    crc.update(b);
    assertThat(new CrcShift(b.length).apply(crcA) ^ (int) crc.getValue()).isEqualTo(both);
  }

  /** The bytes at {@code offset} of a buffer, its position there, so checks cannot assume position 0. */
  private static ByteBuffer placed(byte[] bytes, int offset, boolean direct) {
    ByteBuffer b = direct ? ByteBuffer.allocateDirect(offset + bytes.length) : ByteBuffer.allocate(offset + bytes.length);
    b.position(offset);
    b.put(bytes);
    return b.position(offset);
  }

  private static ByteBuffer sumsOf(ByteBuffer data) {
    ByteBuffer sums = ByteBuffer.allocate(Checksums.chunks(data.remaining()) * Checksums.SUM);
    Checksums.compute(data, sums);
    return sums.flip();
  }
}
