package org.bigdatalab.log.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.bigdatalab.log.Durability;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.LogEntry;
import org.bigdatalab.log.LogRecord;
import org.bigdatalab.log.OffsetOutOfRangeException;
import org.bigdatalab.log.TornAppend;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;

/**
 * {@code log-local}: each partition a directory of segment files on local disk
 * ({@code topics/<topic>/<partition>/<base offset>.log}), each record with its length and a CRC32C
 * ({@link RecordFormat}), committed positions in {@code consumer-offsets} (replaced atomically).
 * The fsync policy is declared: by default every append is forced to disk before it is
 * acknowledged ({@link Durability#FSYNC_EVERY_APPEND}); {@code fsync=on-close} leaves it to the
 * operating system, as Kafka does by default, which a process crash cannot lose either.
 *
 * <p>A crash is simulated for real: the torn bytes are written to the segment, every file is
 * closed without a flush, and the log is opened again from its directory, which is the recovery
 * any start-up runs (see {@link PartitionLog}).
 */
public class LocalLog implements EventLog {
  public static final EngineInfo INFO = EngineInfo.builder("log-local", Topic.LOG)
      .displayName("segment files on local disk")
      .description("Segment files with a length and a CRC32C per record; recovery cuts a torn tail. Options: dir,"
          + " fsync=every-append|on-close, segment.bytes.")
      .build();

  private final Path root;
  private final boolean ownsRoot;
  private final long segmentBytes;
  private final Durability durability;
  private TopicTable<Slot> topics;
  private boolean closed;

  /**
   * @param root         where the log lives; a log found there is recovered
   * @param ownsRoot     whether {@link #close()} deletes it (a temporary directory)
   * @param segmentBytes when a partition starts a new segment file
   */
  public LocalLog(Path root, boolean ownsRoot, long segmentBytes, Durability durability) {
    if (durability == Durability.MEMORY_ONLY) {
      throw new IllegalArgumentException("log-local writes files: fsync policy every-append or on-close, not " + durability);
    }
    this.root = root;
    this.ownsRoot = ownsRoot;
    this.segmentBytes = segmentBytes;
    this.durability = durability;
    this.topics = open();
  }

  @Override public EngineInfo info() { return INFO; }

  @Override public Durability durability() { return durability; }

  /** Makes a partition's log; a broken log overrides it. */
  PartitionLog partitionLog(Path dir) throws IOException {
    return new PartitionLog(dir, segmentBytes, durability);
  }

  /**
   * A partition's place in the table; its files are recovered on first use, not at start-up, so a
   * restart costs what the partitions used afterwards hold (Kafka recovers only past its recovery
   * point for the same reason).
   */
  private final class Slot {
    private final Path dir;
    private PartitionLog log;

    Slot(Path dir) { this.dir = dir; }

    PartitionLog log() {
      if (log == null) {
        try {
          log = partitionLog(dir);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot open " + dir + ": " + e.getMessage(), e);
        }
      }
      return log;
    }

    void close(boolean force) throws IOException {
      if (log != null) {
        log.close(force);
      }
    }
  }

  /** Start-up: the topics and partitions found under the root, and the committed positions. */
  private TopicTable<Slot> open() {
    TopicTable<Slot> table = new TopicTable<>();
    try {
      Path topicsDir = Files.createDirectories(root.resolve("topics"));
      try (Stream<Path> dirs = Files.list(topicsDir)) {
        for (Path topicDir : dirs.sorted().toList()) {
          int count;
          try (Stream<Path> parts = Files.list(topicDir)) {
            count = (int) parts.count();
          }
          Slot[] partitions = new Slot[count];
          for (int p = 0; p < count; p++) {
            partitions[p] = new Slot(topicDir.resolve(Integer.toString(p)));
          }
          table.restore(topicDir.getFileName().toString(), partitions);
        }
      }
      Path offsets = root.resolve("consumer-offsets");
      if (Files.exists(offsets)) {
        List<String> lines = Files.readAllLines(offsets, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String[] f = lines.get(i).split("\t");
          if (f.length != 4 || !f[2].matches("\\d+") || !f[3].matches("\\d+")) {
            throw new IllegalStateException(offsets + ":" + (i + 1) + ": line: expected group, topic, partition, offset"
                + " separated by tabs, found '" + lines.get(i) + "'");
          }
          table.commit(f[0], f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the log at " + root + ": " + e.getMessage(), e);
    }
    return table;
  }

  @Override
  public synchronized void createTopic(String topic, int partitions) {
    topics.checkNew(topic, partitions);
    Slot[] slots = topics.create(topic, new Slot[partitions], p -> new Slot(root.resolve("topics").resolve(topic).resolve(Integer.toString(p))));
    for (Slot slot : slots) {
      slot.log(); // the directories exist from now on, so a restart finds the topic
    }
  }

  @Override public synchronized int partitions(String topic) { return topics.topic(topic).length; }

  @Override
  public synchronized long append(String topic, int partition, LogRecord record) {
    return partition(topic, partition).append(record);
  }

  @Override
  public synchronized List<LogEntry> read(String topic, int partition, long fromOffset, int maxRecords) {
    PartitionLog p = partition(topic, partition);
    if (fromOffset < p.start() || fromOffset > p.end()) {
      throw new OffsetOutOfRangeException(topic, partition, fromOffset, p.start(), p.end());
    }
    return p.read(partition, fromOffset, maxRecords);
  }

  @Override public synchronized long startOffset(String topic, int partition) { return partition(topic, partition).start(); }

  @Override public synchronized long endOffset(String topic, int partition) { return partition(topic, partition).end(); }

  @Override
  public synchronized long offsetForTime(String topic, int partition, long timestamp) {
    return partition(topic, partition).offsetForTime(timestamp);
  }

  @Override
  public synchronized void deleteBefore(String topic, int partition, long offset) {
    PartitionLog p = partition(topic, partition);
    if (offset < p.start() || offset > p.end()) {
      throw new OffsetOutOfRangeException(topic, partition, offset, p.start(), p.end());
    }
    try {
      p.deleteBefore(offset);
    } catch (IOException e) {
      throw new UncheckedIOException(topic + "/" + partition + ": retention to " + offset + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void commit(String group, String topic, int partition, long nextOffset) {
    TopicTable.checkName("group", group);
    topics.commit(group, topic, partition, nextOffset);
    StringBuilder lines = new StringBuilder();
    for (Map.Entry<String, Long> e : topics.positions().entrySet()) {
      lines.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
    }
    try {
      Path tmp = root.resolve("consumer-offsets.tmp");
      Files.writeString(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, root.resolve("consumer-offsets"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record " + group + "'s position in " + topic + "/" + partition + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized OptionalLong committed(String group, String topic, int partition) {
    return topics.committed(group, topic, partition);
  }

  private PartitionLog partition(String topic, int partition) {
    return topics.partition(topic, partition).log();
  }

  /** Writes the torn bytes, closes every file without a flush (the process dies), and opens the log again (recovery). */
  @Override
  public synchronized void crashDuring(TornAppend crash) {
    PartitionLog p = partition(crash.topic(), crash.partition());
    byte[] record = RecordFormat.encode(p.end(), crash.record());
    int written = (int) Math.floor(crash.written() * record.length);
    try {
      p.tear(record, written, crash.garbageAfter() ? p.firstRecordBytes() : new byte[0]);
      closeAll(false);
    } catch (IOException e) {
      throw new UncheckedIOException("crash simulation at " + root + ": " + e.getMessage(), e);
    }
    topics = new TopicTable<>(); // the files are closed: a recovery that fails leaves nothing half-open
    topics = open();
  }

  private void closeAll(boolean force) throws IOException {
    for (Slot[] partitions : topics.all().values()) {
      for (Slot p : partitions) {
        p.close(force);
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return; // closing twice is harmless (JUnit closes parameters a test closed already)
    }
    closed = true;
    closeAll(true);
    if (ownsRoot) {
      try (Stream<Path> all = Files.walk(root)) {
        for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /** The partitions' directories, for tests that look at the files. */
  List<Path> partitionDirs(String topic) {
    List<Path> dirs = new ArrayList<>();
    for (int p = 0; p < topics.topic(topic).length; p++) {
      dirs.add(root.resolve("topics").resolve(topic).resolve(Integer.toString(p)));
    }
    return dirs;
  }
}
