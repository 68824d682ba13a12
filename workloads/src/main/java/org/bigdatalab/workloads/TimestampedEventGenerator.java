package org.bigdatalab.workloads;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Keyed events whose event times move forward but arrive out of order, as on a real stream:
 * the input for watermark, window and allowed-lateness clauses. Event time is scripted from the
 * seed, never the wall clock.
 *
 * <p>Assumptions and guarantees:
 * <ol>
 *   <li>Event {@code i} (0-based) has nominal time {@code START_MILLIS + floor(i * 1000 /
 *       eventsPerSecond)}; its key is uniform over {@code keyCount} keys ({@link Keys#name});
 *       its value is uniform in {@code [0, 100)}.
 *   <li>An on-time event's timestamp is its nominal time minus a uniform delay in
 *       {@code [0, maxDisorderMillis]}, so it is {@code >= maxSeen - maxDisorderMillis}, where
 *       {@code maxSeen} is the largest timestamp among the events before it. A watermark of
 *       {@code maxSeen - maxDisorderMillis} therefore never passes an on-time event.
 *   <li>Each event after the first is late with probability {@code lateShare}; a late event's
 *       timestamp is {@code maxSeen - maxDisorderMillis - LATE_MARGIN_MILLIS - d}, d uniform in
 *       {@code [0, maxDisorderMillis]}: strictly behind that watermark.
 * </ol>
 * Example: with 1000 events/s and maxDisorder 50, event 5000 is nominally at START + 5000 ms and
 * arrives stamped somewhere in [START + 4950, START + 5000] unless it is late.
 *
 * <pre>{@code
 * var events = new TimestampedEventGenerator(42L, 100, 1_000, 500, 0.05, 1_000_000);
 * long late = events.events().filter(Event::late).count();   // 49 829
 * WorkloadFiles.write(Path.of("events.csv"), events, Long.MAX_VALUE);  // all 1M, as CSV
 * }</pre>
 */
public final class TimestampedEventGenerator implements LineWorkload {
  /** Nominal time of the first event: 2024-01-01T00:00:00Z. */
  public static final long START_MILLIS = 1_704_067_200_000L;
  /** How far at least a late event falls behind {@code maxSeen - maxDisorderMillis}. */
  public static final long LATE_MARGIN_MILLIS = 1;
  private static final long VALUE_BOUND = 100;

  private final long seed;
  private final int keyCount;
  private final double eventsPerSecond;
  private final long maxDisorderMillis;
  private final double lateShare;
  private final long count;

  public TimestampedEventGenerator(long seed, int keyCount, double eventsPerSecond,
      long maxDisorderMillis, double lateShare, long count) {
    if (keyCount < 1) {
      throw new IllegalArgumentException("keyCount must be >= 1, got " + keyCount);
    }
    if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
      throw new IllegalArgumentException("eventsPerSecond must be > 0, got " + eventsPerSecond);
    }
    if (maxDisorderMillis < 0) {
      throw new IllegalArgumentException("maxDisorderMillis must be >= 0, got " + maxDisorderMillis);
    }
    if (!(lateShare >= 0 && lateShare <= 1)) {
      throw new IllegalArgumentException("lateShare must be in [0, 1], got " + lateShare);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    this.seed = seed;
    this.keyCount = keyCount;
    this.eventsPerSecond = eventsPerSecond;
    this.maxDisorderMillis = maxDisorderMillis;
    this.lateShare = lateShare;
    this.count = count;
  }

  public long maxDisorderMillis() {
    return maxDisorderMillis;
  }

  public double lateShare() {
    return lateShare;
  }

  public long count() {
    return count;
  }

  /** The {@code count} events in arrival order; the same events as {@link #writeTo}. */
  public Stream<Event> events() {
    return StreamSupport.stream(Spliterators.spliterator(iterator(), count,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** A fresh iterator over the {@code count} events, starting from the seed. */
  public Iterator<Event> iterator() {
    UniformRandomProvider rng = Seeds.rng(seed);
    return new Iterator<>() {
      private long next;
      private long maxSeen = Long.MIN_VALUE;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public Event next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long seq = next++;
        String key = Keys.name(1 + rng.nextInt(keyCount), keyCount);
        boolean late = seq > 0 && rng.nextDouble() < lateShare;
        long delay = rng.nextLong(maxDisorderMillis + 1);
        long time = late
            ? maxSeen - maxDisorderMillis - LATE_MARGIN_MILLIS - delay
            : nominalMillis(seq) - delay;
        maxSeen = Math.max(maxSeen, time);
        return new Event(key, time, rng.nextLong(VALUE_BOUND), seq, late);
      }
    };
  }

  /** The nominal event time of event {@code sequence}, before disorder. */
  public long nominalMillis(long sequence) {
    return START_MILLIS + (long) Math.floor(sequence * 1000.0 / eventsPerSecond);
  }

  @Override
  public long writeTo(OutputStream out, long targetBytes) throws IOException {
    AsciiBuffer buf = new AsciiBuffer(out);
    Iterator<Event> it = iterator();
    while (buf.written() < targetBytes && it.hasNext()) {
      Event e = it.next();
      buf.putAscii(e.key());
      buf.put((byte) ',');
      buf.putLong(e.eventTimeMillis());
      buf.put((byte) ',');
      buf.putLong(e.value());
      buf.put((byte) '\n');
    }
    buf.flush();
    return buf.written();
  }
}
