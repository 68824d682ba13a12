package org.bigdatalab.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.DoubleRange;
import org.bigdatalab.property.LongRange;
import org.junit.jupiter.api.Test;

class TimestampedEventGeneratorTest {

  /** The guarantee, checked event by event against the running maximum. */
  @Property(tries = 30)
  void onTimeEventsStayWithinTheBoundAndLateOnesFallBehindIt(
      @ForAll long seed,
      @ForAll @LongRange(min = 0, max = 2000) long maxDisorder,
      @ForAll @DoubleRange(min = 0, max = 0.5) double lateShare) {
    var gen = new TimestampedEventGenerator(seed, 7, 500, maxDisorder, lateShare, 5000);
    long maxSeen = Long.MIN_VALUE;
    long expectedSeq = 0;
    for (Iterator<Event> it = gen.iterator(); it.hasNext(); ) {
      Event e = it.next();
      assertThat(e.sequence()).isEqualTo(expectedSeq++);
      if (e.late()) {
        assertThat(e.eventTimeMillis())
            .isLessThanOrEqualTo(maxSeen - maxDisorder - TimestampedEventGenerator.LATE_MARGIN_MILLIS);
      } else if (maxSeen != Long.MIN_VALUE) {
        assertThat(e.eventTimeMillis()).isGreaterThanOrEqualTo(maxSeen - maxDisorder);
      }
      maxSeen = Math.max(maxSeen, e.eventTimeMillis());
    }
    assertThat(expectedSeq).isEqualTo(5000);
  }

  /** Tolerance: late share within 0.005 of 0.05 over 200k events (about 7 standard deviations). */
  @Test
  void lateShareIsAsAsked() {
    var gen = new TimestampedEventGenerator(21, 100, 10_000, 200, 0.05, 200_000);
    long late = gen.events().filter(Event::late).count();
    assertThat(late / 200_000.0).isBetween(0.045, 0.055);
  }

  @Test
  void noLateShareMeansNoLateEvents() {
    var gen = new TimestampedEventGenerator(22, 3, 100, 50, 0, 20_000);
    assertThat(gen.events()).noneMatch(Event::late);
  }

  @Test
  void eventTimeAdvancesAtTheGivenRate() {
    var gen = new TimestampedEventGenerator(23, 10, 1000, 100, 0.05, 60_001);
    List<Event> events = gen.events().toList();
    long maxTime = events.stream().mapToLong(Event::eventTimeMillis).max().orElseThrow();
    // 60 000 events at 1000/s: nominal span 60 s; nothing is stamped later than its nominal time.
    assertThat(maxTime - TimestampedEventGenerator.START_MILLIS).isBetween(59_900L, 60_000L);
    assertThat(events).allSatisfy(e ->
        assertThat(e.eventTimeMillis()).isLessThanOrEqualTo(gen.nominalMillis(e.sequence())));
  }

  @Test
  void keysCoverTheKeySpace() {
    var gen = new TimestampedEventGenerator(24, 12, 100, 10, 0.1, 10_000);
    assertThat(gen.events().map(Event::key).distinct().sorted().toList())
        .hasSize(12).first().isEqualTo("k01");
  }

  @Test
  void sameSeedSameBytesDifferentSeedDifferentBytes() throws IOException {
    var a = new TimestampedEventGenerator(1, 100, 1000, 500, 0.05, 100_000);
    var b = new TimestampedEventGenerator(1, 100, 1000, 500, 0.05, 100_000);
    var c = new TimestampedEventGenerator(2, 100, 1000, 500, 0.05, 100_000);
    assertThat(Hashes.sha256(b, Long.MAX_VALUE)).isEqualTo(Hashes.sha256(a, Long.MAX_VALUE));
    assertThat(Hashes.sha256(c, Long.MAX_VALUE)).isNotEqualTo(Hashes.sha256(a, Long.MAX_VALUE));
  }

  @Test
  void csvLinesAreTheEventsAndReadBack() throws IOException {
    var gen = new TimestampedEventGenerator(25, 5, 100, 30, 0.05, 2000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written = gen.writeTo(out, Long.MAX_VALUE); // stops when the 2000 events end
    String csv = out.toString(StandardCharsets.US_ASCII);
    assertThat(written).isEqualTo(csv.length());
    assertThat(csv.lines().toList()).isEqualTo(gen.events().map(Event::toCsvLine).toList());
    try (var reader = new EventCsvReader(new StringReader(csv), "events.csv", BadLinePolicy.FAIL)) {
      assertThat(reader.readAll()).isEqualTo(gen.events().map(Event::toCsvEvent).toList());
    }
  }

  @Test
  void writeStopsNearTheTargetBeforeTheEventsEnd() throws IOException {
    var gen = new TimestampedEventGenerator(26, 5, 100, 30, 0.05, 1_000_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written = gen.writeTo(out, 10_000);
    assertThat(written).isBetween(10_000L, 10_100L);
  }
}
