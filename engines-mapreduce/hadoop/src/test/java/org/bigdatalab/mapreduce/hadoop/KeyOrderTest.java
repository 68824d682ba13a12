package org.bigdatalab.mapreduce.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.DataOutputBuffer;
import org.bigdatalab.mapreduce.KeyComparator;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.spi.Codec;
import org.bigdatalab.spi.Codecs;
import org.junit.jupiter.api.Test;

/**
 * mr-hadoop's sort and grouping comparators order string, long and int keys in their natural
 * order by the serialized bytes Hadoop hands them (a BytesWritable's length, then the codec's
 * bytes), without decoding: this checks that the raw order is the keys' own order, through the
 * job's journey to the task (Java serialization, where the codecs must stay recognisable). The
 * alphabet holds what breaks a raw comparison: bytes of 0x80 and more (a signed compare puts
 * them first), U+E000..U+FFFF against a surrogate pair (UTF-8 and UTF-16 orders differ), keys
 * that are prefixes of others, and negative numbers (their first byte is 0x80 or more). Checked by
 * hand (2026-12-06): string bytes compared as signed, and longs compared as unsigned bytes (what
 * {@code WritableComparator.compareBytes} would do), each fail a property here.
 */
class KeyOrderTest {
  // One comparator per key type, configured as a task configures it (once, not per try).
  private static final KeyOrder<String> STRINGS = sortOrder(Codecs.STRING, KeyComparator.natural());
  private static final KeyOrder<Long> LONGS = sortOrder(Codecs.LONG, KeyComparator.natural());
  private static final KeyOrder<Integer> INTS = sortOrder(Codecs.INT, KeyComparator.natural());

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.of("a", "b", "z", "\u0000", "\u007F", "\u0080", "\u00E9", "\u0416", "\uE000", "\uFFFD",
        "\uD83D\uDE00", "\uD840\uDC00").list().ofMaxSize(6).map(l -> String.join("", l));
  }

  @Property(tries = 300)
  void stringKeysCompareRawAsStrings(@ForAll("keys") String a, @ForAll("keys") String b) throws IOException {
    assertThat(STRINGS.raw).isEqualTo(KeyOrder.Raw.STRING);
    assertSameSign(STRINGS, Codecs.STRING, a, b, Integer.signum(a.compareTo(b)));
  }

  @Property(tries = 100)
  void longKeysCompareRawAsLongs(@ForAll long a, @ForAll long b) throws IOException {
    assertThat(LONGS.raw).isEqualTo(KeyOrder.Raw.LONG);
    assertSameSign(LONGS, Codecs.LONG, a, b, Long.compare(a, b));
    assertSameSign(LONGS, Codecs.LONG, -a, a, Long.compare(-a, a));
  }

  @Property(tries = 100)
  void intKeysCompareRawAsInts(@ForAll int a, @ForAll int b) throws IOException {
    assertThat(INTS.raw).isEqualTo(KeyOrder.Raw.INT);
    assertSameSign(INTS, Codecs.INT, a, b, Integer.compare(a, b));
  }

  @Test
  void aJobsOwnOrderIsDecoded() throws IOException {
    KeyOrder<String> order = sortOrder(Codecs.STRING, KeyComparator.reversed(KeyComparator.natural()));
    assertThat(order.raw).isEqualTo(KeyOrder.Raw.DECODED);
    assertSameSign(order, Codecs.STRING, "a", "b", 1);
  }

  private static <K> KeyOrder<K> sortOrder(Codec<K> codec, KeyComparator<K> comparator) {
    MapReduceJob<K, K, K, K> job = MapReduceJob.<K, K, K, K>builder("order")
        .mapper((offset, line, out) -> {})
        .reducer((key, values, out) -> {})
        .sortComparator(comparator)
        .mapOutput(codec, codec).output(codec, codec)
        .build();
    Configuration conf = new Configuration(false);
    JobTransport.put(conf, job);
    KeyOrder<K> order = new KeyOrder.Sort<>();
    order.setConf(conf);
    return order;
  }

  /** Both of the comparator's ways in (raw bytes at an offset, and BytesWritables) give {@code expected}'s sign. */
  private static <K> void assertSameSign(KeyOrder<K> order, Codec<K> codec, K a, K b, int expected) throws IOException {
    BytesWritable x = writable(codec, a);
    BytesWritable y = writable(codec, b);
    byte[] rawX = serialized(x, 3);
    byte[] rawY = serialized(y, 5);
    assertThat(Integer.signum(order.compare(rawX, 3, rawX.length - 3, rawY, 5, rawY.length - 5)))
        .as("raw %s vs %s", a, b).isEqualTo(Integer.signum(expected));
    assertThat(Integer.signum(order.compare(x, y))).as("writables %s vs %s", a, b).isEqualTo(Integer.signum(expected));
  }

  private static <K> BytesWritable writable(Codec<K> codec, K key) throws IOException {
    BytesWritable w = new BytesWritable();
    Encoded.write(codec, key, new DataOutputBuffer(), w);
    return w;
  }

  /** The bytes Hadoop's sort hands a raw comparator, after {@code pad} bytes of something else. */
  private static byte[] serialized(BytesWritable w, int pad) throws IOException {
    DataOutputBuffer out = new DataOutputBuffer();
    out.write(new byte[pad]);
    w.write(out);
    return Arrays.copyOf(out.getData(), out.getLength());
  }
}
