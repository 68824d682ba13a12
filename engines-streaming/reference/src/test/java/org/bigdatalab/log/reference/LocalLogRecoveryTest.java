package org.bigdatalab.log.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bigdatalab.log.Durability;
import org.bigdatalab.log.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code log-local} finds on disk when it opens a partition (on first use after a start): a
 * torn tail of the last segment is cut, while damage anywhere else is refused in one line naming
 * the file, the byte position and the field.
 */
class LocalLogRecoveryTest {
  @TempDir Path dir;

  private LocalLog open() {
    return new LocalLog(dir, false, 40, Durability.FSYNC_ON_CLOSE);
  }

  private void openPartition() throws IOException {
    try (LocalLog log = open()) {
      log.endOffset("clicks", 0);
    }
  }

  /** Three records in segments of 40 bytes: one record per file. */
  private Path partition() throws IOException {
    try (LocalLog log = open()) {
      log.createTopic("clicks", 1);
      for (String v : new String[] {"one", "two", "three"}) {
        log.append("clicks", 0, LogRecord.of("k", v, 1));
      }
      return log.partitionDirs("clicks").get(0);
    }
  }

  @Test
  void aTornTailIsCutAndAppendsGoOnAfterIt() throws IOException {
    Path p = partition();
    Path last = Segment.fileFor(p, 2);
    long whole = Files.size(last);
    Files.write(last, new byte[] {0, 0, 0, 48, 1, 2}, StandardOpenOption.APPEND);
    try (LocalLog log = open()) {
      assertThat(log.endOffset("clicks", 0)).isEqualTo(3);
      assertThat(Files.size(last)).as("the torn bytes are cut").isEqualTo(whole);
      assertThat(log.append("clicks", 0, LogRecord.of(null, "four", 2))).isEqualTo(3);
    }
  }

  @Test
  void damageBeforeTheLastSegmentIsRefusedWithFilePositionAndField() throws IOException {
    Path p = partition();
    Path first = Segment.fileFor(p, 0);
    byte[] bytes = Files.readAllBytes(first);
    bytes[bytes.length - 1] ^= 1;
    Files.write(first, bytes);
    assertThatThrownBy(this::openPartition).hasMessageStartingWith(first + ":0: record 0: crc32c: stored ");
  }

  @Test
  void aBadStartOffsetFileNamesItsLineAndField() throws IOException {
    Path p = partition();
    Files.writeString(p.resolve("start-offset"), "soon");
    assertThatThrownBy(this::openPartition).hasMessage(p.resolve("start-offset") + ":1: offset: 'soon' is not a whole number");
  }
}
