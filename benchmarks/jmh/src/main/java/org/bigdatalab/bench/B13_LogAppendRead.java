package org.bigdatalab.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.LogEntry;
import org.bigdatalab.log.LogRecord;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * The event log on disk against the disk: how fast does log-local append N records to one
 * partition and read them back, beside a plain file that appends the same record bytes (key,
 * value, timestamp; no framing) and reads them back, in the same run? The target: log-local
 * appends at least half as fast as the plain file.
 *
 * Same guarantee on both sides: fsync=on-close. Each append reaches the operating system before it
 * returns (log-local: one positional FileChannel write per record, its length, offset and CRC32C
 * around the bytes; the plain file: one FileChannel write per record of the bytes alone), and the
 * file is forced to disk once, when it is closed; the close is inside the measured time on both
 * sides. Per-append fsync (log-local's default) is not measured here: it times the device's flush,
 * the same on both sides, not the log. Both write under target/bench-data (the project's disk),
 * into a fresh directory per call, deleted outside the measured time.
 *
 * Reading: log-local, opened (and so recovered) before the clock runs, reads the partition from offset 0 in polls of 10,000 records (each record's
 * CRC32C checked, a LogEntry made); the plain file is read in 1 MB chunks with nothing decoded, the
 * page cache's limit. Both were written at the trial's start and read from the page cache. The
 * records read are counted and compared with N on every call.
 *
 * Run: ./lab bench --workload lambda-kappa. Measured runs: benchmarks/RESULTS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class B13_LogAppendRead {
  /** The pseudo-store of the baseline: a plain file. */
  public static final String FILE = "file";
  static final String TOPIC = "events";
  private static final int POLL = 10_000;

  @Param({"log-local", FILE})
  public String store;

  @Param("100K")
  public String size;

  private List<LogRecord> records;
  private Path dir;
  private Path written;
  private EventLog reader;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    records = ClickStream.of(size).clicks.stream().map(c -> LogRecord.of(c.user(), c.line(), c.time())).toList();
    written = BenchData.freshOutput("log-read-");
    append(written);
    // opened once: opening log-local recovers (scans every segment), which is not a read's cost
    reader = store.equals(FILE) ? null : open(written);
  }

  @Setup(Level.Invocation)
  public void freshDirectory() throws IOException {
    dir = BenchData.freshOutput("log-append-");
  }

  @TearDown(Level.Invocation)
  public void deleteDirectory() {
    BenchData.deleteRunDir(dir);
  }

  @TearDown(Level.Trial)
  public void deleteWritten() throws IOException {
    if (reader != null) {
      reader.close();
    }
    BenchData.deleteRunDir(written);
  }

  @Benchmark
  public long append() throws IOException {
    return append(dir);
  }

  @Benchmark
  public long read() throws IOException {
    long count = store.equals(FILE) ? readFile(written) : readLog();
    if (count != (store.equals(FILE) ? bytes() : records.size())) {
      throw new IllegalStateException(store + " read " + count + " back, not what was appended");
    }
    return count;
  }

  private long append(Path at) throws IOException {
    if (store.equals(FILE)) {
      Files.createDirectories(at);
      try (FileChannel out = FileChannel.open(at.resolve("records"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        for (LogRecord r : records) {
          out.write(ByteBuffer.wrap(bytesOf(r)));
        }
        out.force(false);
      }
      return records.size();
    }
    try (EventLog log = open(at)) {
      log.createTopic(TOPIC, 1);
      for (LogRecord r : records) {
        log.append(TOPIC, 0, r);
      }
      return log.endOffset(TOPIC, 0);
    }
  }

  private EventLog open(Path at) {
    return EngineRegistry.load().create("log-local", EventLog.class, EngineOptions.parse(List.of("dir=" + at, "fsync=on-close")));
  }

  private long readLog() {
    long count = 0;
    for (long next = 0; next < reader.endOffset(TOPIC, 0); ) {
      List<LogEntry> polled = reader.read(TOPIC, 0, next, POLL);
      count += polled.size();
      next = polled.get(polled.size() - 1).offset() + 1;
    }
    return count;
  }

  private static long readFile(Path at) throws IOException {
    long total = 0;
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    try (FileChannel in = FileChannel.open(at.resolve("records"))) {
      for (int n; (n = in.read(buffer.clear())) > 0; ) {
        total += n;
      }
    }
    return total;
  }

  /** The record's bytes without framing: key, value (UTF-8) and the timestamp's 8 bytes. */
  static byte[] bytesOf(LogRecord r) {
    byte[] key = r.key() == null ? new byte[0] : r.key().getBytes(StandardCharsets.UTF_8);
    byte[] value = r.value().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(key.length + value.length + Long.BYTES).put(key).put(value).putLong(r.timestamp()).array();
  }

  long bytes() {
    return records.stream().mapToLong(r -> bytesOf(r).length).sum();
  }

  /** What the records weigh without framing, for MB/s: the same on both sides. */
  static long payloadBytes(String size) {
    return ClickStream.of(size).clicks.stream().mapToLong(c -> bytesOf(LogRecord.of(c.user(), c.line(), c.time())).length).sum();
  }
}
