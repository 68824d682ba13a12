package org.bigdatalab.log.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.bigdatalab.log.LogClauses.APPEND_ORDER;
import static org.bigdatalab.log.LogClauses.BAD_RECORD;
import static org.bigdatalab.log.LogClauses.DURABLE;
import static org.bigdatalab.log.LogClauses.REPLAY;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bigdatalab.log.BadLogRecordException;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.LogEntry;
import org.bigdatalab.log.LogRecord;
import org.bigdatalab.log.OffsetOutOfRangeException;
import org.bigdatalab.log.OnBadRecord;
import org.bigdatalab.log.Polled;
import org.bigdatalab.log.TornAppend;
import org.bigdatalab.log.spec.LogGenerators.Acked;
import org.bigdatalab.log.spec.LogGenerators.Append;
import org.bigdatalab.log.spec.LogGenerators.Crash;
import org.bigdatalab.log.spec.LogGenerators.DurableStep;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Example;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.IntRange;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.streaming.StreamFns;
import org.bigdatalab.streaming.spec.Click;
import org.bigdatalab.streaming.spec.StreamingGenerators;
import org.bigdatalab.streaming.spec.StreamingGenerators.BadLine;
import org.bigdatalab.suite.ConformanceSuite;
import org.bigdatalab.suite.EngineUnderTest;
import org.bigdatalab.suite.Verifies;

/**
 * The event log spec: one check (or a few) per clause of {@link org.bigdatalab.log.LogClauses}.
 * Every case writes to a topic of its own, so cases never see each other's records.
 *
 * <p>What passing does not prove: durability against a power loss (the crash is a process crash;
 * the engine's declared fsync policy says what a power loss could take), concurrent producers, or
 * speed. A crash is the engine's own simulation ({@link EventLog#crashDuring}): it proves recovery
 * handles the torn bytes the simulation writes, which for {@code log-local} are real bytes in its
 * real files.
 */
public abstract class LogSpec extends ConformanceSuite<EventLog> {
  private static final AtomicLong TOPICS = new AtomicLong();
  private static final int PARTITIONS = 3;

  /** The suite for a log lent by {@link org.bigdatalab.suite.matrix.ConformanceRunner}. */
  public static class Selected extends LogSpec {
    @Override protected EventLog createEngine() { return (EventLog) EngineUnderTest.current(); }
    @Override protected boolean ownsEngine() { return false; }
  }

  @Provide Arbitrary<List<List<Append>>> rounds() { return LogGenerators.rounds(PARTITIONS); }
  @Provide Arbitrary<List<DurableStep>> crashSchedules() { return LogGenerators.crashSchedules(2); }
  @Provide Arbitrary<List<LogRecord>> records() { return LogGenerators.records().list().ofMaxSize(25); }
  @Provide Arbitrary<List<BadLine>> badLines() {
    return Arbitraries.oneOf(Arbitraries.just(List.<BadLine>of()), StreamingGenerators.badLines());
  }

  /** A topic no other case writes to. */
  protected String newTopic(int partitions) {
    String topic = "t" + TOPICS.incrementAndGet();
    engine().createTopic(topic, partitions);
    return topic;
  }

  // log.append-order ---------------------------------------------------------------------------

  /**
   * Rounds of appends; after each, a consumer drains every partition in chunks from its committed
   * position and commits after each chunk. It must have read each partition's records in append
   * order, offsets 0, 1, 2, … each once, and append must have returned those offsets.
   */
  @Property
  @Verifies(APPEND_ORDER)
  void required_log_append_order(@ForAll("rounds") List<List<Append>> rounds, @ForAll @IntRange(min = 1, max = 5) int chunk) {
    String topic = newTopic(PARTITIONS);
    List<List<LogRecord>> appended = perPartition();
    List<List<LogEntry>> consumed = perPartition();
    for (List<Append> round : rounds) {
      for (Append a : round) {
        long offset = engine().append(topic, a.partition(), a.record());
        assertThat(offset).as("offset of %s", a).isEqualTo(appended.get(a.partition()).size());
        appended.get(a.partition()).add(a.record());
      }
      for (int p = 0; p < PARTITIONS; p++) {
        drain(topic, p, chunk, consumed.get(p));
      }
    }
    for (int p = 0; p < PARTITIONS; p++) {
      assertThat(consumed.get(p)).as("partition %d read in chunks of %d", p, chunk)
          .isEqualTo(entries(p, 0, appended.get(p)));
    }
  }

  /** Pinned: three records to one partition, read two at a time, resuming from the committed position. */
  @Example
  @Verifies(APPEND_ORDER)
  void required_log_append_order_pinned() {
    String topic = newTopic(1);
    List<LogRecord> records = List.of(LogRecord.of("ann", "a", 5), LogRecord.of("bob", "b", 1), LogRecord.of(null, "c", 3));
    for (LogRecord r : records) {
      engine().append(topic, 0, r);
    }
    List<LogEntry> read = new ArrayList<>();
    drain(topic, 0, 2, read);
    assertThat(read).isEqualTo(entries(0, 0, records));
    assertThat(engine().committed("g", topic, 0)).as("the committed position is the next offset to read").hasValue(3);
  }

  /** Reads from the group's committed position in chunks, committing the next offset after each. */
  private void drain(String topic, int partition, int chunk, List<LogEntry> into) {
    while (true) {
      long from = engine().committed("g", topic, partition).orElse(0);
      List<LogEntry> got = engine().read(topic, partition, from, chunk);
      if (got.isEmpty()) {
        return;
      }
      into.addAll(got);
      engine().commit("g", topic, partition, got.get(got.size() - 1).offset() + 1);
    }
  }

  // log.durable --------------------------------------------------------------------------------

  /**
   * Appends and crashes mid-append: after each crash every partition holds exactly its
   * acknowledged records, in order, plus at most the record in flight, whole; appends then go on
   * at the next offset. A record in flight with all its bytes written may be kept; a torn one never.
   */
  @Property
  @Verifies(DURABLE)
  void optional_log_durable(@ForAll("crashSchedules") List<DurableStep> steps) {
    String topic = newTopic(2);
    List<List<LogRecord>> held = perPartition(2);
    for (DurableStep step : steps) {
      if (step instanceof Acked acked) {
        Append a = acked.append();
        assertThat(engine().append(topic, a.partition(), a.record())).as("offset of %s after %s", a, steps)
            .isEqualTo(held.get(a.partition()).size());
        held.get(a.partition()).add(a.record());
      } else if (step instanceof Crash crash) {
        Append a = crash.append();
        engine().crashDuring(new TornAppend(topic, a.partition(), a.record(), crash.percent() / 100.0, crash.garbage()));
        List<LogRecord> after = recordsAfter(crash, topic, a.partition());
        if (after.size() == held.get(a.partition()).size() + 1) {
          assertThat(after.get(after.size() - 1)).as("%s: a record kept after the crash is the one in flight, whole", crash)
              .isEqualTo(a.record());
          held.get(a.partition()).add(a.record());
        }
        for (int p = 0; p < 2; p++) {
          assertThat(recordsAfter(crash, topic, p)).as("partition %d after %s", p, crash).isEqualTo(held.get(p));
        }
      }
    }
    for (int p = 0; p < 2; p++) {
      assertThat(engine().read(topic, p, 0, Integer.MAX_VALUE)).as("partition %d at the end", p).isEqualTo(entries(p, 0, held.get(p)));
    }
  }

  /** Pinned: three acknowledged appends, a crash half-way through the fourth: three records, the next append is offset 3. */
  @Example
  @Verifies(DURABLE)
  void optional_log_durable_midRecord() {
    String topic = newTopic(1);
    List<LogRecord> acked = List.of(LogRecord.of("ann", "one", 1), LogRecord.of("bob", "two", 2), LogRecord.of("cy", "three", 3));
    acked.forEach(r -> engine().append(topic, 0, r));
    engine().crashDuring(new TornAppend(topic, 0, LogRecord.of("ann", "torn in half", 4), 0.5, true));
    assertThat(records(topic, 0)).isEqualTo(acked);
    assertThat(engine().append(topic, 0, LogRecord.of("bob", "after", 5))).isEqualTo(3);
  }

  /**
   * Pinned: a crash nine tenths of the way into a record, inside its value: its lengths, key and
   * part of its value are on disk, nothing after them. A reader that trusts the lengths without the
   * checksum reads a record with a cut value. The generated schedules reach this case only now and
   * then (the crash must fall past the key, and no stale bytes follow), so it is pinned here.
   */
  @Example
  @Verifies(DURABLE)
  void optional_log_durable_midValue() {
    String topic = newTopic(1);
    LogRecord first = LogRecord.of("ann", "one", 1);
    engine().append(topic, 0, first);
    engine().crashDuring(new TornAppend(topic, 0, LogRecord.of("bob", "cut inside this value", 2), 0.9, false));
    assertThat(records(topic, 0)).isEqualTo(List.of(first));
    assertThat(engine().append(topic, 0, LogRecord.of("cy", "after", 3))).isEqualTo(1);
  }

  // log.replay ---------------------------------------------------------------------------------

  /**
   * Records with timestamps in no order, retention up to some offset d: reading from any offset o
   * at or after d returns exactly the records from o; the offset for a time t is the first at or
   * after d whose timestamp is at or after t; below d, and past the end, reads are refused.
   */
  @Property
  @Verifies(REPLAY)
  void required_log_replay(@ForAll("records") List<LogRecord> records, @ForAll @IntRange(min = 0, max = 100) int at,
      @ForAll @IntRange(min = 0, max = 100) int retain, @ForAll @IntRange(min = -1, max = 32) int time) {
    String topic = newTopic(1);
    records.forEach(r -> engine().append(topic, 0, r));
    int n = records.size();
    int from = at * n / 100;
    int start = retain * from / 100;
    engine().deleteBefore(topic, 0, start);
    assertThat(engine().startOffset(topic, 0)).as("start offset after retention to %d", start).isEqualTo(start);
    assertThat(engine().read(topic, 0, from, Integer.MAX_VALUE)).as("read from offset %d", from)
        .isEqualTo(entries(0, from, records.subList(from, n)));
    int expected = start;
    while (expected < n && records.get(expected).timestamp() < time) {
      expected++;
    }
    assertThat(engine().offsetForTime(topic, 0, time)).as("first offset at or after t=%d, retention from %d", time, start)
        .isEqualTo(expected);
    if (start > 0) {
      assertThatThrownBy(() -> engine().read(topic, 0, start - 1, 1)).as("a read below the start %d", start)
          .isInstanceOf(OffsetOutOfRangeException.class);
    }
    assertThat(engine().read(topic, 0, n, 1)).as("a read at the end").isEmpty();
    assertThatThrownBy(() -> engine().read(topic, 0, n + 1, 1)).as("a read past the end")
        .isInstanceOf(OffsetOutOfRangeException.class);
  }

  /** Pinned: timestamps 5, 3, 7, 7: from t=6 is offset 2, from t=4 is offset 0 (5 is the first at or after 4), after all is the end. */
  @Example
  @Verifies(REPLAY)
  void required_log_replay_fromTime() {
    String topic = newTopic(1);
    for (long ts : new long[] {5, 3, 7, 7}) {
      engine().append(topic, 0, LogRecord.of(null, "at " + ts, ts));
    }
    assertThat(engine().offsetForTime(topic, 0, 6)).isEqualTo(2);
    assertThat(engine().offsetForTime(topic, 0, 7)).isEqualTo(2);
    assertThat(engine().offsetForTime(topic, 0, 4)).isEqualTo(0);
    assertThat(engine().offsetForTime(topic, 0, 8)).isEqualTo(4);
  }

  // log.bad-record -----------------------------------------------------------------------------

  /**
   * Clicks with bad lines among them: a failing poll names the first bad record's partition and
   * offset and the parser's field; a skipping poll returns every good click at its offset and
   * lists every bad one with its offset and reason.
   */
  @Property
  @Verifies(BAD_RECORD)
  void required_log_bad_record(@ForAll("records") List<LogRecord> records, @ForAll("badLines") List<BadLine> bad) {
    String topic = newTopic(1);
    List<String> lines = new ArrayList<>(records.stream().map(r -> new Click(r.timestamp(), "ann", r.value().length()).line()).toList());
    for (BadLine b : bad) {
      lines.add(b.position() % (lines.size() + 1), b.line());
    }
    lines.forEach(l -> engine().append(topic, 0, LogRecord.of(null, l, 0)));
    StreamFns.Parser<Click> parser = Click::parse;
    List<Integer> badOffsets = new ArrayList<>();
    List<Polled.Value<Click>> good = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      try {
        good.add(new Polled.Value<>(0, i, 0, Click.parse(lines.get(i))));
      } catch (org.bigdatalab.spi.BadRecordException e) {
        badOffsets.add(i);
      }
    }
    if (!badOffsets.isEmpty()) {
      BadLogRecordException e = catchThrowableOfType(BadLogRecordException.class,
          () -> engine().poll(topic, 0, 0, Integer.MAX_VALUE, parser, OnBadRecord.FAIL));
      assertThat(e).as("a poll over bad line %s at offset %d", lines.get(badOffsets.get(0)), badOffsets.get(0)).isNotNull();
      assertThat(e.getMessage()).startsWith(topic + "/0@" + badOffsets.get(0) + ": ");
      assertThat(e.offset()).isEqualTo(badOffsets.get(0).longValue());
    }
    Polled<Click> polled = engine().poll(topic, 0, 0, Integer.MAX_VALUE, parser, OnBadRecord.SKIP);
    assertThat(polled.values()).as("good clicks among %s", lines).isEqualTo(good);
    assertThat(polled.skipped()).as("skipped among %s", lines).extracting(Polled.Skipped::offset)
        .isEqualTo(badOffsets.stream().map(Integer::longValue).toList());
    assertThat(polled.skipped()).allSatisfy(s -> assertThat(s.reason()).contains(": "));
    assertThat(polled.nextOffset()).isEqualTo(lines.size());
  }

  /** Pinned: "x,ann,3" at offset 1 fails the poll with {@code topic/0@1: time: 'x' is not a whole number}. */
  @Example
  @Verifies(BAD_RECORD)
  void required_log_bad_record_pinned() {
    String topic = newTopic(1);
    for (String line : List.of("1,ann,2", "x,ann,3", "4,bob,5")) {
      engine().append(topic, 0, LogRecord.of(null, line, 0));
    }
    assertThatThrownBy(() -> engine().poll(topic, 0, 0, 10, Click::parse, OnBadRecord.FAIL))
        .isInstanceOf(BadLogRecordException.class).hasMessage(topic + "/0@1: time: 'x' is not a whole number");
    Polled<Click> polled = engine().poll(topic, 0, 0, 10, Click::parse, OnBadRecord.SKIP);
    assertThat(polled.values()).extracting(Polled.Value::offset).containsExactly(0L, 2L);
    assertThat(polled.skipped()).containsExactly(new Polled.Skipped(0, 1, "time: 'x' is not a whole number"));
  }

  // helpers ------------------------------------------------------------------------------------

  /**
   * The records of a partition read back after a crash. A log that cannot read its partition back
   * (one that took a torn record for a whole one reads stale bytes as the next record's lengths) has
   * not kept its acknowledged records: that fails {@code log.durable} rather than erroring the check,
   * so a broken log that trips over its own torn record is reported as failing the clause.
   */
  private List<LogRecord> recordsAfter(Object crash, String topic, int partition) {
    try {
      return records(topic, partition);
    } catch (RuntimeException e) {
      throw new AssertionError("partition " + partition + " after " + crash + " cannot be read back: " + e, e);
    }
  }

  private List<LogRecord> records(String topic, int partition) {
    return engine().read(topic, partition, engine().startOffset(topic, partition), Integer.MAX_VALUE).stream()
        .map(LogEntry::record).toList();
  }

  private static List<LogEntry> entries(int partition, long from, List<LogRecord> records) {
    List<LogEntry> entries = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      entries.add(new LogEntry(partition, from + i, records.get(i)));
    }
    return entries;
  }

  private static <T> List<List<T>> perPartition() {
    return perPartition(PARTITIONS);
  }

  private static <T> List<List<T>> perPartition(int partitions) {
    List<List<T>> lists = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }
}
