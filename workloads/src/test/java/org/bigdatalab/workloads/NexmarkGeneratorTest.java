package org.bigdatalab.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.bigdatalab.property.Example;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.IntRange;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.workloads.NexmarkEvent.Auction;
import org.bigdatalab.workloads.NexmarkEvent.Bid;
import org.bigdatalab.workloads.NexmarkEvent.Person;

class NexmarkGeneratorTest {

  @Property(tries = 20)
  void theSameSeedWritesTheSameBytesAndAnotherSeedOthers(@ForAll long seed) throws IOException {
    String once = Hashes.sha256(new NexmarkGenerator(seed, 2_000, 100), Long.MAX_VALUE);
    assertThat(Hashes.sha256(new NexmarkGenerator(seed, 2_000, 100), Long.MAX_VALUE)).isEqualTo(once);
    assertThat(Hashes.sha256(new NexmarkGenerator(seed + 1, 2_000, 100), Long.MAX_VALUE)).isNotEqualTo(once);
  }

  /** Each block of 50 is 1 person, then 3 auctions, then 46 bids. */
  @Property(tries = 20)
  void everyBlockOfFiftyHoldsTheStandardMix(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int block) {
    var gen = new NexmarkGenerator(seed, 50L * (block + 1), 1000);
    List<NexmarkEvent> events = gen.events().skip(50L * block).toList();
    assertThat(events.get(0)).isInstanceOf(Person.class);
    assertThat(events.subList(1, 4)).allMatch(e -> e instanceof Auction);
    assertThat(events.subList(4, 50)).allMatch(e -> e instanceof Bid);
  }

  /** Sellers and bidders are persons seen before, a bid's auction an auction seen before; ids count up; time never goes back. */
  @Property(tries = 20)
  void idsReferToEarlierPersonsAndAuctions(@ForAll long seed) {
    long persons = NexmarkGenerator.FIRST_ID - 1;
    long auctions = NexmarkGenerator.FIRST_ID - 1;
    long time = Long.MIN_VALUE;
    for (NexmarkEvent e : new NexmarkGenerator(seed, 5_000, 500).events().toList()) {
      assertThat(e.time()).isGreaterThanOrEqualTo(time);
      time = e.time();
      if (e instanceof Person p) {
        assertThat(p.id()).isEqualTo(++persons);
      } else if (e instanceof Auction a) {
        assertThat(a.id()).isEqualTo(++auctions);
        assertThat(a.seller()).isBetween(NexmarkGenerator.FIRST_ID, persons);
        assertThat(a.reserve()).isGreaterThanOrEqualTo(a.initialBid());
        assertThat(a.expires()).isGreaterThan(a.time());
      } else if (e instanceof Bid b) {
        assertThat(b.auction()).isBetween(Math.max(NexmarkGenerator.FIRST_ID, auctions - NexmarkGenerator.ACTIVE_AUCTIONS), auctions);
        assertThat(b.bidder()).isBetween(NexmarkGenerator.FIRST_ID, persons);
        assertThat(b.price()).isBetween(100L, 100_000_000L);
      }
    }
  }

  /** Row-addressable: event i alone equals the i-th of the stream, and its line parses back to it. */
  @Property(tries = 50)
  void eventIIsComputedAloneAndRoundTripsThroughItsLine(@ForAll long seed, @ForAll @IntRange(min = 0, max = 999) int i) {
    var gen = new NexmarkGenerator(seed, 1_000, 100);
    NexmarkEvent alone = gen.event(i);
    assertThat(gen.events().skip(i).findFirst()).contains(alone);
    assertThat(NexmarkEvent.parse(alone.line())).isEqualTo(alone);
  }

  @Example
  void bidsAreAboutNinetyTwoPercentOfAnyLongStretch() {
    long bids = new NexmarkGenerator(3, 10_025, 1000).events().filter(e -> e instanceof Bid).count();
    assertThat(bids).isEqualTo(200 * 46 + 21);
  }

  @Example
  void badLinesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> NexmarkEvent.parse("X,1,2")).isInstanceOf(BadRecordException.class).hasMessageStartingWith("kind:");
    assertThatThrownBy(() -> NexmarkEvent.parse("B,1,2,3")).isInstanceOf(BadRecordException.class).hasMessageStartingWith("price:");
    assertThatThrownBy(() -> NexmarkEvent.parse("B,1,x,3,4")).isInstanceOf(BadRecordException.class).hasMessageStartingWith("auction:");
    assertThatThrownBy(() -> NexmarkEvent.parse("B,1,2,3,4,5")).isInstanceOf(BadRecordException.class).hasMessageStartingWith("price:");
    assertThatThrownBy(() -> NexmarkEvent.parse("P,1,2,,c,s")).isInstanceOf(BadRecordException.class).hasMessageStartingWith("name:");
    assertThatThrownBy(() -> NexmarkEvent.parse("")).isInstanceOf(BadRecordException.class).hasMessageStartingWith("kind:");
  }
}
