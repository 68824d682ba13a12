package org.bigdatalab.workloads;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.bigdatalab.workloads.NexmarkEvent.Auction;
import org.bigdatalab.workloads.NexmarkEvent.Bid;
import org.bigdatalab.workloads.NexmarkEvent.Person;

/**
 * The Nexmark auction stream: persons, auctions and bids in the standard mix, each event computed
 * from the seed and its number alone, so event {@code i} can be made without making the ones before
 * it (a benchmark splits the stream by ranges; a test looks at one event).
 *
 * <p>Assumptions and guarantees:
 * <ol>
 *   <li>Of every 50 consecutive events starting at a multiple of 50, the first is a person, the next
 *       three are auctions, and the other 46 are bids: the 2% / 6% / 92% mix of the Nexmark spec.</li>
 *   <li>Person ids and auction ids count up from {@link #FIRST_ID} in event order, so the person of
 *       block {@code b} (events {@code 50b..50b+49}) is {@code FIRST_ID + b}, and its auctions are
 *       {@code FIRST_ID + 3b .. FIRST_ID + 3b + 2}.</li>
 *   <li>An auction's seller and a bid's bidder are persons that came earlier in the stream; a bid's
 *       auction is an auction that came earlier. Half of them are "hot" (the newest id on a stride of
 *       {@link #HOT_STRIDE}, which many events share), the rest uniform over the newest
 *       {@link #ACTIVE_PERSONS} persons or {@link #ACTIVE_AUCTIONS} auctions, as Nexmark skews them.</li>
 *   <li>Event {@code i} happens at {@code START_MILLIS + floor(i * 1000 / eventsPerSecond)}: times
 *       never go back, so a bound of 0 on out-of-orderness holds for the stream as generated.</li>
 * </ol>
 * Example: with seed 1 and 10 events/s, event 0 is person 1000 at START_MILLIS, events 1-3 are
 * auctions 1000-1002 sold by person 1000, event 4 is a bid at START_MILLIS + 400 on one of them.
 */
public final class NexmarkGenerator implements LineWorkload {
  /** 2024-01-01T00:00:00Z, as the other event generators. */
  public static final long START_MILLIS = TimestampedEventGenerator.START_MILLIS;
  public static final long FIRST_ID = 1000;
  public static final int BLOCK = 50;
  public static final int PERSONS_PER_BLOCK = 1;
  public static final int AUCTIONS_PER_BLOCK = 3;
  public static final int HOT_STRIDE = 4;
  public static final int ACTIVE_PERSONS = 1000;
  public static final int ACTIVE_AUCTIONS = 100;
  /** Nexmark's five categories, numbered from 10. */
  public static final int FIRST_CATEGORY = 10;
  public static final int CATEGORIES = 5;
  private static final long AUCTION_MILLIS = 10_000;

  private static final List<String> FIRST_NAMES = List.of("Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter");
  private static final List<String> LAST_NAMES = List.of("Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris");
  private static final List<String> CITIES = List.of("Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond", "Seattle", "Kent", "Cheyenne");
  private static final List<String> STATES = List.of("AZ", "CA", "ID", "OR", "WA", "WY");

  private final long seed;
  private final long count;
  private final double eventsPerSecond;

  public NexmarkGenerator(long seed, long count, double eventsPerSecond) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
      throw new IllegalArgumentException("eventsPerSecond must be > 0, got " + eventsPerSecond);
    }
    this.seed = seed;
    this.count = count;
    this.eventsPerSecond = eventsPerSecond;
  }

  public long count() { return count; }

  /** The event time of event {@code i}. */
  public long timeOf(long i) {
    return START_MILLIS + (long) Math.floor(i * 1000.0 / eventsPerSecond);
  }

  /** Event {@code i} (0-based), from the seed and {@code i} only. */
  public NexmarkEvent event(long i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("event " + i + " of " + count);
    }
    long block = i / BLOCK;
    int offset = (int) (i % BLOCK);
    Draws r = new Draws(seed, i);
    long time = timeOf(i);
    if (offset < PERSONS_PER_BLOCK) {
      String name = FIRST_NAMES.get(r.below(FIRST_NAMES.size())) + " " + LAST_NAMES.get(r.below(LAST_NAMES.size()));
      return new Person(time, FIRST_ID + block, name, CITIES.get(r.below(CITIES.size())), STATES.get(r.below(STATES.size())));
    }
    long newestPerson = FIRST_ID + block;
    if (offset < PERSONS_PER_BLOCK + AUCTIONS_PER_BLOCK) {
      long id = FIRST_ID + block * AUCTIONS_PER_BLOCK + offset - PERSONS_PER_BLOCK;
      long initial = r.price();
      return new Auction(time, id, r.pick(newestPerson, ACTIVE_PERSONS), FIRST_CATEGORY + r.below(CATEGORIES), initial,
          initial + r.price(), time + AUCTION_MILLIS * (1 + r.below(6)));
    }
    long newestAuction = FIRST_ID + block * AUCTIONS_PER_BLOCK + AUCTIONS_PER_BLOCK - 1;
    return new Bid(time, r.pick(newestAuction, ACTIVE_AUCTIONS), r.pick(newestPerson, ACTIVE_PERSONS), r.price());
  }

  /** The {@code count} events in order. */
  public Stream<NexmarkEvent> events() {
    return LongStream.range(0, count).mapToObj(this::event);
  }

  /** The events as their CSV lines, in order. */
  public Stream<String> lines() {
    return events().map(NexmarkEvent::line);
  }

  @Override
  public long writeTo(OutputStream out, long targetBytes) throws IOException {
    AsciiBuffer buf = new AsciiBuffer(out);
    for (long i = 0; i < count && buf.written() < targetBytes; i++) {
      buf.putAscii(event(i).line());
      buf.put((byte) '\n');
    }
    buf.flush();
    return buf.written();
  }

  /**
   * The random draws of one event: SplitMix64 (Steele, Lea and Flood, 2014) started from the seed
   * and the event's number, so no event depends on the draws of another.
   */
  private static final class Draws {
    private long state;

    Draws(long seed, long event) {
      state = mix(seed ^ mix(event + 0x632BE59BD9B4E019L));
    }

    long next() {
      state += 0x9E3779B97F4A7C15L;
      return mix(state);
    }

    int below(int bound) {
      return (int) Math.floorMod(next(), (long) bound);
    }

    /** An id at most {@code newest}, no older than {@code active} ids back nor below {@link #FIRST_ID}: hot half the time. */
    long pick(long newest, int active) {
      if ((next() & 1) == 0) {
        long hot = newest - Math.floorMod(newest - FIRST_ID, (long) HOT_STRIDE);
        return Math.max(FIRST_ID, hot);
      }
      long span = Math.min(active, newest - FIRST_ID + 1);
      return newest - Math.floorMod(next(), span);
    }

    /** A price in cents, log-uniform from one dollar to a million, as Nexmark's prices. */
    long price() {
      double u = (next() >>> 11) * 0x1.0p-53;
      return Math.round(Math.pow(10.0, u * 6.0) * 100.0);
    }

    private static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }
}
