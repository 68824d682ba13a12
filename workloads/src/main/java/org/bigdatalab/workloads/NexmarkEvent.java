package org.bigdatalab.workloads;

import java.io.Serializable;
import org.bigdatalab.spi.BadRecordException;

/**
 * A Nexmark event: an online auction's new person, new auction, or bid (Tucker et al., NEXMark;
 * the queries as Apache Beam and Flink's nexmark repository run them). Only the fields the
 * queries read are kept. On the wire each event is one CSV line whose first field says its kind:
 *
 * <pre>
 * P,time,id,name,city,state
 * A,time,id,seller,category,initialBid,reserve,expires
 * B,time,auction,bidder,price
 * </pre>
 *
 * Times are event times in milliseconds; prices are in cents. Names, cities and states contain no
 * comma.
 */
public sealed interface NexmarkEvent extends Serializable {

  /** The event's own time in milliseconds. */
  long time();

  /** The event as its CSV line. */
  String line();

  /** A person who registers to buy or sell. */
  record Person(long time, long id, String name, String city, String state) implements NexmarkEvent {
    @Override public String line() { return "P," + time + "," + id + "," + name + "," + city + "," + state; }
  }

  /** An auction a person opens; it closes at {@code expires}. */
  record Auction(long time, long id, long seller, long category, long initialBid, long reserve, long expires)
      implements NexmarkEvent {
    @Override public String line() {
      return "A," + time + "," + id + "," + seller + "," + category + "," + initialBid + "," + reserve + "," + expires;
    }
  }

  /** A bid of {@code price} cents by person {@code bidder} on {@code auction}. */
  record Bid(long time, long auction, long bidder, long price) implements NexmarkEvent {
    @Override public String line() { return "B," + time + "," + auction + "," + bidder + "," + price; }
  }

  /**
   * Parses a line written by {@link #line()}; anything else is refused with the field and the
   * problem. Hand-written (no split, no regex): it runs once per event in the throughput benchmarks.
   */
  static NexmarkEvent parse(String line) {
    return NexmarkLineParser.parse(line);
  }
}
