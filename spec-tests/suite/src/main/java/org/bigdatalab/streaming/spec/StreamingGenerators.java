package org.bigdatalab.streaming.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.streaming.Windows;

/**
 * Generators of clicks with scripted event time. In-bound scenarios reorder clicks only as far as
 * the out-of-orderness bound allows; late scenarios add clicks that are behind the watermark on
 * purpose. Timestamps start below zero, so window arithmetic on negative times is exercised.
 */
public final class StreamingGenerators {
  private StreamingGenerators() {}

  private static final List<String> USERS = List.of("ann", "bob", "cy");

  /** A late click to insert: where (taken modulo the arrival length) and how far behind the watermark. */
  record LateInsert(int position, long behind, String user, long amount) {}

  /** A bad line and where it goes. */
  public record BadLine(int position, String line) {}

  /** Clicks in timestamp order: a start, then steps of 0 to 15 ms. */
  static Arbitrary<List<Click>> ordered() {
    Arbitrary<long[]> step = Combinators.combine(Arbitraries.longs().between(0, 15), Arbitraries.integers().between(0, 2),
        Arbitraries.longs().between(1, 9)).as((gap, user, amount) -> new long[] {gap, user, amount});
    return Combinators.combine(Arbitraries.longs().between(-200, 200), step.list().ofMaxSize(24)).as((start, steps) -> {
      List<Click> clicks = new ArrayList<>();
      long time = start;
      for (long[] s : steps) {
        time += s[0];
        clicks.add(new Click(time, USERS.get((int) s[1]), s[2]));
      }
      return clicks;
    });
  }

  /**
   * Clicks reordered within a bound d: each arrives at (time + jitter) with jitter in [0, d], so
   * every click is at most d behind any click that arrived before it, never late.
   */
  public static Arbitrary<Scenario> inBound() {
    return Arbitraries.longs().between(0, 30).flatMap(bound -> ordered().flatMap(clicks ->
        Arbitraries.longs().between(0, bound).list().ofSize(clicks.size()).map(jitter -> {
          List<Integer> order = new ArrayList<>();
          for (int i = 0; i < clicks.size(); i++) {
            order.add(i);
          }
          order.sort(Comparator.comparingLong(i -> clicks.get(i).time() + jitter.get(i)));
          return new Scenario(order.stream().map(clicks::get).toList(), bound);
        })));
  }

  /**
   * Each user's clicks at even places (in that user's time order) first, then those at odd places,
   * with a bound as wide as the time span: every odd click arrives after its neighbours, so it
   * bridges their sessions when they are more than a gap apart.
   */
  public static Arbitrary<Scenario> bridging() {
    return ordered().map(clicks -> {
      java.util.Map<String, Integer> seen = new java.util.HashMap<>();
      List<Click> evens = new ArrayList<>();
      List<Click> odds = new ArrayList<>();
      for (Click c : clicks) {
        (seen.merge(c.user(), 1, Integer::sum) % 2 == 1 ? evens : odds).add(c);
      }
      List<Click> arrival = new ArrayList<>(evens);
      arrival.addAll(odds);
      long span = clicks.isEmpty() ? 0 : clicks.get(clicks.size() - 1).time() - clicks.get(0).time();
      return new Scenario(arrival, span);
    });
  }

  /** Two arrival orders of the same clicks, both within the same bound. */
  public static Arbitrary<List<Scenario>> twoOrders() {
    return inBound().flatMap(s -> Arbitraries.longs().between(0, s.outOfOrderness()).list().ofSize(s.arrival().size())
        .map(jitter -> {
          List<Click> sorted = new ArrayList<>(s.arrival());
          sorted.sort(Comparator.comparingLong(Click::time));
          List<Integer> order = new ArrayList<>();
          for (int i = 0; i < sorted.size(); i++) {
            order.add(i);
          }
          order.sort(Comparator.comparingLong(i -> sorted.get(i).time() + jitter.get(i)));
          return List.of(s, new Scenario(order.stream().map(sorted::get).toList(), s.outOfOrderness()));
        }));
  }

  /** An in-bound scenario plus up to four clicks that arrive behind the watermark. */
  public static Arbitrary<Scenario> withLate() {
    Arbitrary<LateInsert> insert = Combinators.combine(Arbitraries.integers().between(0, 1000),
        Arbitraries.longs().between(1, 80), Arbitraries.of(USERS), Arbitraries.longs().between(1, 9)).as(LateInsert::new);
    return inBound().filter(s -> !s.arrival().isEmpty()).flatMap(s -> insert.list().ofMinSize(1).ofMaxSize(4).map(inserts -> {
      List<Click> arrival = new ArrayList<>(s.arrival());
      for (LateInsert in : inserts) {
        int at = 1 + in.position() % arrival.size();
        long max = arrival.subList(0, at).stream().mapToLong(Click::time).max().orElseThrow();
        arrival.add(at, new Click(max - s.outOfOrderness() - in.behind(), in.user(), in.amount()));
      }
      return new Scenario(arrival, s.outOfOrderness());
    }));
  }

  /** Up to three unparseable lines at generated places. */
  public static Arbitrary<List<BadLine>> badLines() {
    Arbitrary<String> bad = Arbitraries.of("", "garbage", "12,ann", "x,ann,3", "5,,3", "7,bob,lots", "1,2,3,4");
    return Combinators.combine(Arbitraries.integers().between(0, 1000), bad).as(BadLine::new).list().ofMinSize(1).ofMaxSize(3);
  }

  public static Arbitrary<Windows> tumbling() {
    return Arbitraries.of(10L, 25L, 60L).map(Windows::tumbling);
  }

  public static Arbitrary<Windows> sliding() {
    return Combinators.combine(Arbitraries.of(5L, 10L, 20L), Arbitraries.integers().between(1, 4))
        .as((slide, k) -> Windows.sliding(slide * k, slide));
  }

  public static Arbitrary<Windows> sessions() {
    return Arbitraries.longs().between(3, 30).map(Windows::session);
  }

  public static Arbitrary<Windows> anyWindows() {
    return Arbitraries.oneOf(tumbling(), sliding(), sessions());
  }
}
