package org.bigdatalab.bench;

import java.util.concurrent.TimeUnit;
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

    @Setup(Level.Trial)
    public void generate() {
      data = NexmarkData.of(size);
    }
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
