package org.bigdatalab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.workloads.NexmarkEvent;
import org.bigdatalab.workloads.NexmarkGenerator;
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
import org.openjdk.jmh.annotations.Warmup;

/*
 * The windowed count written by hand, on one thread: bids per auction per 10 s tumbling window
 * (B06's COUNT query), over the bids in stream order. This is the single-core limit the engines'
 * per-core figures are divided by.
 *
 * baseline: primitive arrays (event times in a long[], auction ids made dense in an int[]); the
 * counts of the open window in an int[] indexed by auction, with the list of auctions it touched;
 * an event past the window's end closes it: its (auction, count) pairs are emitted (folded into a
 * checksum here) and the touched slots reset. In-order input, so the window closes exactly when an
 * engine with bound 0 would fire it. Nothing is allocated per event.
 *
 * baselineFromLines: the same loop over the bids' lines, parsed with NexmarkEvent.parse, to show
 * how much of an engine's budget the parse alone takes (the engines all parse lines).
 *
 * baselineFromTypedEvents (row hand-written-typed-1-thread): the same windowed count over what the
 * engines' typed source gets, B06's list of NexmarkEvent objects (one Bid record each), with
 * nothing known about the ids: the open window's counts in a primitive open-addressing table from
 * auction id (long) to count, linear probing, grown at half full, with the list of slots it filled
 * to emit and clear. It is the loop an engine's typed count could at best be, one thread, no
 * framework; the primitive-array baseline above also knows the ids are dense and reads 12 bytes per
 * bid instead of a 48-byte object through a reference.
 *
 * Measured runs: benchmarks/RESULTS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class B07_NexmarkWindowedCountBaseline {

  @State(Scope.Benchmark)
  public static class Input {
    @Param("1M")
    public String size;

    NexmarkData data;
    List<NexmarkEvent> typedBids;

    @Setup(Level.Trial)
    public void generate() {
      data = NexmarkData.of(size);
      typedBids = typedBids(data);
    }
  }

  /** The bids as B06's typed source hands them to the engines: the one batch's list. */
  @SuppressWarnings("unchecked")
  static List<NexmarkEvent> typedBids(NexmarkData data) {
    return ((ScriptedSource.Events<NexmarkEvent>) data.bidsTyped.steps().get(0)).events();
  }

  @Benchmark
  public long baseline(Input in) {
    return countPerWindow(in.data.bidTimes, in.data.bidAuctions, in.data.auctionIds, NexmarkBenchQuery.WINDOW_MILLIS);
  }

  @Benchmark
  public long baselineFromLines(Input in) {
    var lines = in.data.bids.steps();
    long[] times = new long[lines.size()];
    int[] auctions = new int[lines.size()];
    for (int i = 0; i < times.length; i++) {
      NexmarkEvent.Bid b = (NexmarkEvent.Bid) NexmarkEvent.parse(((org.bigdatalab.streaming.ScriptedSource.Line) lines.get(i)).text());
      times[i] = b.time();
      auctions[i] = (int) (b.auction() - NexmarkGenerator.FIRST_ID);
    }
    return countPerWindow(times, auctions, in.data.auctionIds, NexmarkBenchQuery.WINDOW_MILLIS);
  }

  @Benchmark
  public long baselineFromTypedEvents(Input in) {
    return countPerWindowTyped(in.typedBids, NexmarkBenchQuery.WINDOW_MILLIS);
  }

  /**
   * {@link #countPerWindow} over typed bids, the counts in an {@link AuctionCounts} table: the same
   * checksum (the auction's offset from the first id is taken only when a count is emitted).
   */
  static long countPerWindowTyped(List<NexmarkEvent> bids, long size) {
    AuctionCounts counts = new AuctionCounts(1024);
    long end = Long.MIN_VALUE;
    long checksum = 0;
    for (int i = 0; i < bids.size(); i++) {
      NexmarkEvent.Bid b = (NexmarkEvent.Bid) bids.get(i);
      long t = b.time();
      if (t >= end) {
        checksum += counts.close(end);
        end = t - Math.floorMod(t, size) + size;
      }
      counts.increment(b.auction());
    }
    return checksum + counts.close(end);
  }

  /** One window's counts by auction id: keys and counts in parallel arrays, a count of 0 marks a free slot. */
  private static final class AuctionCounts {
    private long[] keys;
    private int[] counts;
    /** The slots filled, in order, to emit and clear without scanning the table. */
    private int[] filled;
    private int used;

    AuctionCounts(int capacity) {
      keys = new long[capacity];
      counts = new int[capacity];
      filled = new int[capacity / 2 + 1];
    }

    void increment(long auction) {
      int mask = keys.length - 1;
      for (int h = slot(auction, mask); ; h = (h + 1) & mask) {
        if (counts[h] == 0) {
          keys[h] = auction;
          counts[h] = 1;
          filled[used++] = h;
          if (used * 2 > keys.length) {
            grow();
          }
          return;
        }
        if (keys[h] == auction) {
          counts[h]++;
          return;
        }
      }
    }

    private static int slot(long k, int mask) { return (int) ((k * 0x9E3779B97F4A7C15L) >>> 32) & mask; }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldCounts = counts;
      int[] oldFilled = filled;
      int n = used;
      keys = new long[oldKeys.length * 2];
      counts = new int[oldKeys.length * 2];
      filled = new int[keys.length / 2 + 1];
      used = 0;
      int mask = keys.length - 1;
      for (int j = 0; j < n; j++) {
        int h = slot(oldKeys[oldFilled[j]], mask);
        while (counts[h] != 0) {
          h = (h + 1) & mask;
        }
        keys[h] = oldKeys[oldFilled[j]];
        counts[h] = oldCounts[oldFilled[j]];
        filled[used++] = h;
      }
    }

    /** Emits the window's counts (as {@link #close(int[], int[], int, long)} does) and clears them. */
    long close(long end) {
      long sum = 0;
      for (int j = 0; j < used; j++) {
        int h = filled[j];
        sum += 1_000_003L * end + 31L * (keys[h] - NexmarkGenerator.FIRST_ID) + counts[h];
        counts[h] = 0;
      }
      used = 0;
      return sum;
    }
  }

  /**
   * Bids per auction per tumbling window; returns a checksum of the emitted (window, auction,
   * count) triples, and {@link #windowResults} how many there were, so a test can compare with an engine.
   */
  static long countPerWindow(long[] times, int[] auctions, int auctionIds, long size) {
    int[] counts = new int[auctionIds];
    int[] touched = new int[auctionIds];
    int open = 0;
    long end = Long.MIN_VALUE;
    long checksum = 0;
    for (int i = 0; i < times.length; i++) {
      long t = times[i];
      if (t >= end) {
        checksum += close(counts, touched, open, end);
        open = 0;
        end = t - Math.floorMod(t, size) + size;
      }
      int a = auctions[i];
      if (counts[a]++ == 0) {
        touched[open++] = a;
      }
    }
    return checksum + close(counts, touched, open, end);
  }

  /** Emits the open window's counts (as a checksum term each) and clears them. */
  private static long close(int[] counts, int[] touched, int open, long end) {
    long sum = 0;
    for (int j = 0; j < open; j++) {
      int a = touched[j];
      sum += 1_000_003L * end + 31L * a + counts[a];
      counts[a] = 0;
    }
    return sum;
  }

  /** How many (window, auction) results the loop emits: what an engine's COUNT must emit too. */
  static long windowResults(long[] times, int[] auctions, int auctionIds, long size) {
    java.util.Set<Long> keys = new java.util.HashSet<>();
    for (int i = 0; i < times.length; i++) {
      keys.add((times[i] - Math.floorMod(times[i], size)) * auctionIds + auctions[i]);
    }
    return keys.size();
  }
}
