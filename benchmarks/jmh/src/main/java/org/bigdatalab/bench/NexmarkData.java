package org.bigdatalab.bench;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.workloads.NexmarkEvent;
import org.bigdatalab.workloads.NexmarkGenerator;

/**
 * The Nexmark benchmarks' input, made in memory from {@link NexmarkGenerator} (seed
 * {@link BenchData#SEED}, {@value #EVENTS_PER_SECOND} events per second of event time, so a 10 s
 * window holds 100 000 events): the stream's lines as a {@link ScriptedSource}, split into the
 * topics the windowed queries read; the same topics typed (one {@link ScriptedSource.Events} step
 * of the parsed events, as a binary deserializer would hand them over); and, for the hand-written
 * loop, the bids as primitive arrays.
 * Nothing is cached on disk: a million events take under a second to make.
 */
final class NexmarkData {
  static final double EVENTS_PER_SECOND = 10_000;

  final int events;
  final ScriptedSource all;
  final ScriptedSource bids;
  final ScriptedSource personsAndAuctions;
  final ScriptedSource allTyped;
  final ScriptedSource bidsTyped;
  final ScriptedSource personsAndAuctionsTyped;
  /**
   * The bids typed, their batch also carrying the columns a columnar deserializer would fill:
   * {@code time} and {@code auction} (B06's source {@code columns}; jobs that declare those fields,
   * {@link NexmarkBenchQuery#countPerAuction}, may read them instead of the events).
   */
  final ScriptedSource bidsColumns;
  /** Bid event times, in stream order. */
  final long[] bidTimes;
  /** Bid auction ids minus {@link NexmarkGenerator#FIRST_ID}: dense, so a count per auction is an array. */
  final int[] bidAuctions;
  final int auctionIds;

  private NexmarkData(int events) {
    this.events = events;
    NexmarkGenerator gen = new NexmarkGenerator(BenchData.SEED, events, EVENTS_PER_SECOND);
    List<String> allLines = new ArrayList<>(events);
    List<String> bidLines = new ArrayList<>(events);
    List<String> otherLines = new ArrayList<>();
    List<NexmarkEvent> allEvents = new ArrayList<>(events);
    List<NexmarkEvent> bidEvents = new ArrayList<>(events);
    List<NexmarkEvent> otherEvents = new ArrayList<>();
    long[] times = new long[events];
    int[] auctions = new int[events];
    long[] auctionIdsOfBids = new long[events];
    int n = 0;
    for (int i = 0; i < events; i++) {
      NexmarkEvent e = gen.event(i);
      String line = e.line();
      allLines.add(line);
      allEvents.add(e);
      if (e instanceof NexmarkEvent.Bid b) {
        bidLines.add(line);
        bidEvents.add(e);
        times[n] = b.time();
        auctionIdsOfBids[n] = b.auction();
        auctions[n++] = (int) (b.auction() - NexmarkGenerator.FIRST_ID);
      } else {
        otherLines.add(line);
        otherEvents.add(e);
      }
    }
    all = ScriptedSource.ofLines(allLines);
    bids = ScriptedSource.ofLines(bidLines);
    personsAndAuctions = ScriptedSource.ofLines(otherLines);
    allTyped = ScriptedSource.ofEvents(allEvents, NexmarkEvent::line);
    bidsTyped = ScriptedSource.ofEvents(bidEvents, NexmarkEvent::line);
    personsAndAuctionsTyped = ScriptedSource.ofEvents(otherEvents, NexmarkEvent::line);
    bidTimes = java.util.Arrays.copyOf(times, n);
    bidsColumns = new ScriptedSource(List.of(new ScriptedSource.Events<>(bidEvents, NexmarkEvent::line,
        java.util.Map.of("time", bidTimes.clone(), "auction", java.util.Arrays.copyOf(auctionIdsOfBids, n)))));
    bidAuctions = java.util.Arrays.copyOf(auctions, n);
    auctionIds = (int) ((long) events * NexmarkGenerator.AUCTIONS_PER_BLOCK / NexmarkGenerator.BLOCK) + NexmarkGenerator.AUCTIONS_PER_BLOCK;
  }

  private static NexmarkData cached;

  /** The data of a size label ("1M", "5M", or a plain count); one kept per JVM. */
  static synchronized NexmarkData of(String size) {
    int events = events(size);
    if (cached == null || cached.events != events) {
      cached = null; // let the old one go before making the new one
      cached = new NexmarkData(events);
    }
    return cached;
  }

  static int events(String size) {
    return BenchData.count(size);
  }
}
