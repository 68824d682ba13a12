package org.bigdatalab.log.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bigdatalab.log.Durability;
import org.bigdatalab.log.LogEntry;
import org.bigdatalab.log.LogRecord;

/**
 * One partition of {@code log-local}: a directory of segment files and a {@code start-offset} file
 * (what retention deleted). Opening it is recovery: every segment is scanned; the last one is cut
 * at its first record that is not whole (a torn tail: a crash stopped the write), while a bad
 * record in an earlier segment is corruption, refused with the file, byte position and field.
 */
class PartitionLog {
  private final Path dir;
  private final long segmentBytes;
  private final Durability durability;
  private final List<Segment> segments = new ArrayList<>();
  private long start;

  PartitionLog(Path dir, long segmentBytes, Durability durability) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.segmentBytes = segmentBytes;
    this.durability = durability;
    this.start = readStart();
    recover();
  }

  private void recover() throws IOException {
    List<Long> bases;
    try (Stream<Path> files = Files.list(dir)) {
      bases = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d{20}\\.log"))
          .map(n -> Long.parseLong(n.substring(0, 20))).sorted().toList();
    }
    for (int i = 0; i < bases.size(); i++) {
      Segment segment = Segment.open(dir, bases.get(i));
      if (!segments.isEmpty() && segment.base != last().end()) {
        throw new IllegalStateException(segment.file + ":0: base offset: " + segment.base + " does not follow "
            + last().file + ", which ends at offset " + last().end());
      }
      segments.add(segment);
      scan(segment, i == bases.size() - 1);
    }
    if (segments.isEmpty()) {
      segments.add(Segment.open(dir, start));
    }
  }

  /** Indexes the segment's whole records; a tail that is not whole is cut in the last segment and refused elsewhere. */
  private void scan(Segment segment, boolean isLast) throws IOException {
    byte[] bytes = Files.readAllBytes(segment.file);
    int position = 0;
    while (position < bytes.length) {
      RecordFormat.Decoded d = decode(bytes, position, bytes.length, segment.end());
      if (!d.ok()) {
        if (!isLast) {
          throw new IllegalStateException(segment.file + ":" + position + ": record " + segment.end() + ": " + d.problem());
        }
        segment.truncate(position);
        segment.force();
        return;
      }
      segment.index(position, d.record().timestamp(), d.size());
      position += d.size();
    }
  }

  /** How recovery and reads take a record from a segment's bytes: whole, checksum verified. */
  RecordFormat.Decoded decode(byte[] bytes, int position, int limit, long offset) {
    return RecordFormat.decode(bytes, position, limit, offset);
  }


  Segment last() { return segments.get(segments.size() - 1); }

  long start() { return start; }

  long end() { return last().end(); }

  long append(LogRecord record) {
    byte[] bytes = RecordFormat.encode(end(), record);
    try {
      if (last().count() > 0 && last().size() + bytes.length > segmentBytes) {
        segments.add(Segment.open(dir, end()));
      }
      last().append(bytes, record.timestamp());
      if (durability == Durability.FSYNC_EVERY_APPEND) {
        last().force();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(last().file + ": append at offset " + end() + ": " + e.getMessage(), e);
    }
    return end() - 1;
  }

  /** What a crash mid-append leaves: the first {@code length} bytes of the record, then maybe stale bytes. */
  void tear(byte[] record, int length, byte[] staleAfter) throws IOException {
    Segment segment = last();
    segment.write(record, length, segment.size());
    segment.write(staleAfter, staleAfter.length, segment.size() + length);
  }

  /** The first record's bytes of the active segment: stale bytes that look like a valid record. */
  byte[] firstRecordBytes() {
    return segments.stream().filter(s -> s.count() > 0).findFirst()
        .map(s -> s.bytes(s.base)).orElse(new byte[] {(byte) 0xA5, 0, 0, 0, 0x10});
  }

  /**
   * Up to {@code max} records from {@code from}: each segment's stretch of them read in one go, then
   * decoded one by one, each checksum verified; a record that no longer decodes (the disk changed
   * under us) is refused with where it is.
   */
  List<LogEntry> read(int partition, long from, int max) {
    long to = Math.min(end(), from + Math.max(0, max));
    List<LogEntry> entries = new ArrayList<>((int) Math.max(0, to - from));
    for (long o = from; o < to; ) {
      Segment segment = segmentOf(o);
      long stop = Math.min(to, segment.end());
      byte[] bytes = segment.bytes(o, stop);
      for (int position = 0; o < stop; o++) {
        RecordFormat.Decoded d = decode(bytes, position, bytes.length, o);
        if (!d.ok()) {
          throw new IllegalStateException(segment.file + ":" + segment.positionOf(o) + ": record " + o + ": " + d.problem());
        }
        entries.add(new LogEntry(partition, o, d.record()));
        position += d.size();
      }
    }
    return entries;
  }

  long offsetForTime(long timestamp) {
    for (long o = start; o < end(); o++) {
      if (segmentOf(o).timestamp(o) >= timestamp) {
        return o;
      }
    }
    return end();
  }

  private Segment segmentOf(long offset) {
    for (int i = segments.size() - 1; i >= 0; i--) {
      if (segments.get(i).base <= offset) {
        return segments.get(i);
      }
    }
    throw new IllegalStateException("offset " + offset + " is below the first segment of " + dir);
  }

  /** Moves the start (recorded first, so a crash in between leaves files that are merely not deleted yet), then deletes whole segments below it. */
  void deleteBefore(long offset) throws IOException {
    Path tmp = dir.resolve("start-offset.tmp");
    Files.writeString(tmp, Long.toString(offset), StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve("start-offset"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    start = offset;
    while (segments.size() > 1 && segments.get(1).base <= offset) {
      Segment gone = segments.remove(0);
      gone.close();
      Files.delete(gone.file);
    }
  }

  private long readStart() throws IOException {
    Path file = dir.resolve("start-offset");
    if (!Files.exists(file)) {
      return 0;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).trim();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(file + ":1: offset: '" + text + "' is not a whole number", e);
    }
  }

  /** Closes the files; {@code force} writes them through first (a clean shutdown), a crash does not. */
  void close(boolean force) throws IOException {
    for (Segment s : segments) {
      if (force) {
        s.force();
      }
      s.close();
    }
  }
}
