package org.bigdatalab.log.spec;

import java.util.List;
import org.bigdatalab.log.LogRecord;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.property.Tuple;

/**
 * Generators of appends and crash schedules. Timestamps come from a narrow range and in no order,
 * so ties and records older than their predecessors are common (a log must not assume time grows
 * with offsets); values include empty and non-ASCII text, so lengths are counted in bytes.
 */
public final class LogGenerators {
  private LogGenerators() {}

  /** An append of a record to a partition. */
  public record Append(int partition, LogRecord record) {
    @Override public String toString() { return "append " + record + " to " + partition; }
  }

  /** A step of a crash schedule: an acknowledged append, or a crash in the middle of one. */
  public sealed interface DurableStep {}

  public record Acked(Append append) implements DurableStep {
    @Override public String toString() { return append.toString(); }
  }

  /** A crash after {@code percent} of the record's bytes were written; with stale bytes after them when {@code garbage}. */
  public record Crash(Append append, int percent, boolean garbage) implements DurableStep {
    @Override public String toString() {
      return "crash appending " + append.record() + " to " + append.partition() + " at " + percent + "%" + (garbage ? " + stale bytes" : "");
    }
  }

  public static Arbitrary<LogRecord> records() {
    return Combinators.combine(Arbitraries.of("ann", "bob", "cy", "").map(k -> k.isEmpty() ? null : k),
        Arbitraries.strings().withChars("abz,;é€ 0").ofMaxLength(12), Arbitraries.longs().between(0, 30))
        .as(LogRecord::new);
  }

  public static Arbitrary<Append> appends(int partitions) {
    return Combinators.combine(Arbitraries.integers().between(0, partitions - 1), records()).as(Append::new);
  }

  /** Rounds of appends to a topic of {@code partitions}; a consumer drains the topic after each round. */
  public static Arbitrary<List<List<Append>>> rounds(int partitions) {
    return appends(partitions).list().ofMaxSize(12).list().ofMinSize(1).ofMaxSize(4);
  }

  /** Appends and crashes to a topic of {@code partitions}, about one step in four a crash. */
  public static Arbitrary<List<DurableStep>> crashSchedules(int partitions) {
    Arbitrary<DurableStep> acked = appends(partitions).map(Acked::new);
    Arbitrary<DurableStep> crash = Combinators.combine(appends(partitions), Arbitraries.integers().between(0, 100),
        Arbitraries.booleans()).as(Crash::new);
    return Arbitraries.<DurableStep>frequencyOf(Tuple.of(3, acked), Tuple.of(1, crash)).list().ofMinSize(1).ofMaxSize(20);
  }
}
