package org.bigdatalab.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.LongRange;
import org.junit.jupiter.api.Test;

class TeraRecordGeneratorTest {
  private static final int R = TeraRecordGenerator.RECORD_BYTES;

  @Test
  void everyRecordIsHundredBytesWithPrintableKeyRowIdAndCrLf() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written = new TeraRecordGenerator(1).writeTo(out, 10_000 * R - 1); // rounds up
    byte[] all = out.toByteArray();
    assertThat(written).isEqualTo(all.length).isEqualTo(10_000L * R);
    Set<String> keys = new HashSet<>();
    for (int row = 0; row < 10_000; row++) {
      String rec = new String(all, row * R, R, StandardCharsets.US_ASCII);
      assertThat(rec).hasSize(100).endsWith("\r\n");
      assertThat(rec.substring(0, 10)).matches("[ -~]{10}");
      assertThat(rec.substring(10, 46)).isEqualTo("  " + String.format("%032X", row) + "  ");
      assertThat(rec.substring(46, 98)).matches("([A-Z])\\1\\1\\1(([A-Z])\\3\\3\\3){12}");
      keys.add(rec.substring(0, 10));
    }
    assertThat(keys).as("95^10 keys: no collisions expected in 10k").hasSize(10_000);
  }

  /** Row-addressable: any row on its own equals that row in a sequential run, across blocks. */
  @Property(tries = 20)
  void aRowAloneEqualsTheSameRowWrittenInOrder(
      @ForAll @LongRange(min = 0, max = 3 * TeraRecordGenerator.ROWS_PER_BLOCK) long row) throws IOException {
    TeraRecordGenerator tera = new TeraRecordGenerator(99);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long first = Math.max(0, row - 3);
    tera.writeRows(out, first, 6);
    byte[] run = out.toByteArray();
    int at = (int) (row - first) * R;
    assertThat(tera.record(row)).isEqualTo(Arrays.copyOfRange(run, at, at + R));
  }

  @Test
  void blockBoundaryRowsMatchOneSequentialRun() throws IOException {
    TeraRecordGenerator tera = new TeraRecordGenerator(7);
    long boundary = TeraRecordGenerator.ROWS_PER_BLOCK;
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    tera.writeRows(whole, 0, boundary + 10);
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    tera.writeRows(tail, boundary - 10, 20);
    byte[] all = whole.toByteArray();
    assertThat(tail.toByteArray())
        .isEqualTo(Arrays.copyOfRange(all, (int) (boundary - 10) * R, (int) (boundary + 10) * R));
  }

  @Test
  void sameSeedSameBytesDifferentSeedDifferentBytes() throws IOException {
    String a = Hashes.sha256(new TeraRecordGenerator(1), 2_000_000);
    assertThat(Hashes.sha256(new TeraRecordGenerator(1), 2_000_000)).isEqualTo(a);
    assertThat(Hashes.sha256(new TeraRecordGenerator(2), 2_000_000)).isNotEqualTo(a);
  }
}
