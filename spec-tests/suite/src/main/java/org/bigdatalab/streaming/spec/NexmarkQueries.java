package org.bigdatalab.streaming.spec;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.StatelessJob;
import org.bigdatalab.streaming.StreamFns;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.workloads.NexmarkEvent;
import org.bigdatalab.workloads.NexmarkEvent.Auction;
import org.bigdatalab.workloads.NexmarkEvent.Bid;
import org.bigdatalab.workloads.NexmarkEvent.Person;

/**
 * Nexmark queries 0, 1, 2, 5, 7, 8 and 11 as this project's jobs, over the lines of
 * {@link org.bigdatalab.workloads.NexmarkGenerator}. The stateless ones read the whole stream and
 * filter it themselves. The windowed SPI has no filter, so the windowed ones read one topic of the
 * stream, as a Kafka deployment with one topic per event kind would: q5, q7 and q11 the bids, q8
 * the persons and auctions merged ({@link NexmarkTopics}).
 *
 * <p>Two steps run outside the engine, on its final results, because the SPI has one keyed window
 * stage and no second one: q5's choice of the hottest auction per window ({@link #hottest}), and
 * q8's keeping of the persons that both registered and opened an auction ({@link #newSellers}).
 * Both are plain functions of the windowed results, applied alike to the engine's and the oracle's.
 */
public final class NexmarkQueries {
  private NexmarkQueries() {}

  /** Nexmark's fixed dollar-to-euro rate as q1 applies it: price * 89 / 100, in whole cents. */
  public static final long EUROS_PER_100_DOLLARS = 89;

  /** What q2 emits: an auction and a bid's price on it. */
  public record AuctionPrice(long auction, long price) implements Serializable {}

  /** q0: every event, unchanged. */
  public static StatelessJob<NexmarkEvent, NexmarkEvent> q0PassThrough() {
    return new StatelessJob<>("nexmark-q0", NexmarkEvent::parse, e -> true, e -> e);
  }

  /** q1: every bid, its price in euros. */
  public static StatelessJob<NexmarkEvent, Bid> q1Currency() {
    return new StatelessJob<>("nexmark-q1", NexmarkEvent::parse, e -> e instanceof Bid,
        e -> euros((Bid) e));
  }

  static Bid euros(Bid b) {
    return new Bid(b.time(), b.auction(), b.bidder(), b.price() * EUROS_PER_100_DOLLARS / 100);
  }

  /** q2: the bids on auctions whose id is a multiple of {@code skip} (Nexmark's is 123), as (auction, price). */
  public static StatelessJob<NexmarkEvent, AuctionPrice> q2Selection(long skip) {
    return new StatelessJob<>("nexmark-q2-" + skip, NexmarkEvent::parse,
        e -> e instanceof Bid b && b.auction() % skip == 0, e -> new AuctionPrice(((Bid) e).auction(), ((Bid) e).price()));
  }

  /** q5, windowed step: bids per auction per sliding window (Nexmark: 10 s windows every 2 s), over the bids topic. */
  public static StreamingJob<NexmarkEvent, Long, Long> q5BidsPerAuction(long size, long slide, long outOfOrderness) {
    return StreamingJob.of("nexmark-q5", NexmarkEvent::parse, (StreamFns.LongKey<NexmarkEvent>) e -> ((Bid) e).auction(), NexmarkEvent::time,
        Windows.sliding(size, slide), Aggregate.<NexmarkEvent>count()).withOutOfOrderness(outOfOrderness);
  }

  /** q5, second step: per window, the auctions with the most bids (all of them on a tie). */
  public static Map<Window, TreeSet<String>> hottest(Map<WindowResult.Id, Long> bidsPerAuction) {
    Map<Window, Long> most = new TreeMap<>();
    bidsPerAuction.forEach((id, n) -> most.merge(id.window(), n, Math::max));
    Map<Window, TreeSet<String>> hot = new TreeMap<>();
    bidsPerAuction.forEach((id, n) -> {
      if (n.equals(most.get(id.window()))) {
        hot.computeIfAbsent(id.window(), w -> new TreeSet<>()).add(id.key());
      }
    });
    return hot;
  }

  /** q7: the highest bid of each tumbling window (Nexmark: 10 s) over all auctions, one key for the whole stream. */
  public static StreamingJob<NexmarkEvent, Bid, Bid> q7HighestBid(long size, long outOfOrderness) {
    return StreamingJob.of("nexmark-q7", NexmarkEvent::parse, e -> "all", NexmarkEvent::time, Windows.tumbling(size),
        new HighestBid()).withOutOfOrderness(outOfOrderness);
  }

  /** q8, windowed step: per person id and tumbling window, the person's name if it registered, and the auctions it opened. */
  public static StreamingJob<NexmarkEvent, NewSeller, NewSeller> q8NewSellers(long size, long outOfOrderness) {
    return StreamingJob.of("nexmark-q8", NexmarkEvent::parse, NexmarkQueries::personOf, NexmarkEvent::time,
        Windows.tumbling(size), new NewSellers()).withOutOfOrderness(outOfOrderness);
  }

  static String personOf(NexmarkEvent e) {
    if (e instanceof Person p) {
      return Long.toString(p.id());
    }
    if (e instanceof Auction a) {
      return Long.toString(a.seller());
    }
    throw new IllegalArgumentException("q8 reads persons and auctions, not " + e);
  }

  /** q8, second step: the join's rows, the persons that registered and opened an auction in the same window. */
  public static Map<WindowResult.Id, NewSeller> newSellers(Map<WindowResult.Id, NewSeller> perPerson) {
    Map<WindowResult.Id, NewSeller> joined = new TreeMap<>();
    perPerson.forEach((id, s) -> {
      if (s.joined()) {
        joined.put(id, s);
      }
    });
    return joined;
  }

  /** q11: bids per bidder per session (Nexmark: 10 s gap), over the bids topic. */
  public static StreamingJob<NexmarkEvent, Long, Long> q11Sessions(long gap, long outOfOrderness) {
    return StreamingJob.of("nexmark-q11", NexmarkEvent::parse, e -> Long.toString(((Bid) e).bidder()), NexmarkEvent::time,
        Windows.session(gap), Aggregate.<NexmarkEvent>count()).withOutOfOrderness(outOfOrderness);
  }

  /**
   * The highest bid; on equal prices the lowest auction, then bidder, then time, so the answer does
   * not depend on arrival order. The empty accumulator is a bid of price -1.
   */
  public static final class HighestBid implements Aggregate<NexmarkEvent, Bid, Bid> {
    private static final long serialVersionUID = 1L;
    private static final Bid NONE = new Bid(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, -1);

    @Override public Bid create() { return NONE; }
    @Override public Bid add(Bid best, NexmarkEvent e) { return merge(best, (Bid) e); }
    @Override public Bid result(Bid best) { return best; }
    @Override public String toString() { return "highest-bid"; }

    @Override
    public Bid merge(Bid a, Bid b) {
      int c = Long.compare(a.price(), b.price());
      c = c != 0 ? c : Long.compare(b.auction(), a.auction());
      c = c != 0 ? c : Long.compare(b.bidder(), a.bidder());
      c = c != 0 ? c : Long.compare(b.time(), a.time());
      return c >= 0 ? a : b;
    }
  }

  /** A person's name ("" until its registration is seen) and how many auctions it opened, in one window. */
  public record NewSeller(String name, long auctions) implements Serializable {
    public boolean joined() { return !name.isEmpty() && auctions > 0; }
  }

  /** q8's aggregate: the person's registration and its auctions meet in one accumulator, whatever their order. */
  public static final class NewSellers implements Aggregate<NexmarkEvent, NewSeller, NewSeller> {
    private static final long serialVersionUID = 1L;

    @Override public NewSeller create() { return new NewSeller("", 0); }
    @Override public NewSeller result(NewSeller s) { return s; }
    @Override public String toString() { return "new-sellers"; }

    @Override
    public NewSeller add(NewSeller s, NexmarkEvent e) {
      return e instanceof Person p ? merge(s, new NewSeller(p.name(), 0)) : new NewSeller(s.name(), s.auctions() + 1);
    }

    @Override
    public NewSeller merge(NewSeller a, NewSeller b) {
      String name = a.name().compareTo(b.name()) >= 0 ? a.name() : b.name();
      return new NewSeller(name, a.auctions() + b.auctions());
    }
  }
}
