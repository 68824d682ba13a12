package org.bigdatalab.property.compare;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.quicktheories.core.Gen;

/**
 * Cases of the public shrinking challenge (github.com/jlink/shrinking-challenge, challenges/*.md),
 * written as the challenge repository's Java versions are: default list sizes (ours: up to 50; QuickTheories: 0 to 50).
 */
final class ChallengeCases {
  private ChallengeCases() {}

  private static final int MAX = 50;

  static List<Case<?>> all() {
    return List.of(bound5(), reverse(), largeUnionList(), distinct(), nestedLists(), lengthList());
  }

  /** Five lists of shorts, each summing (as a short) to under 256; their total, as a short, is under 5 * 256. */
  static Case<List<List<Short>>> bound5() {
    Arbitrary<Short> shorts = Arbitraries.integers().between(Short.MIN_VALUE, Short.MAX_VALUE).map(Integer::shortValue);
    Arbitrary<List<List<Short>>> ours = shorts.list().ofMaxSize(10).filter(l -> shortSum(l) < 256).list().ofSize(5);
    Gen<Short> qtShorts = integers().between(Short.MIN_VALUE, Short.MAX_VALUE).map(Integer::shortValue);
    Gen<List<List<Short>>> qt = lists().of(lists().of(qtShorts).ofSizeBetween(0, 10).assuming(l -> shortSum(l) < 256))
        .ofSize(5);
    return new Case<>("bound5", "([-32768], [-1], [], [], []): 2 elements", ours, qt,
        p -> shortSum(flatten(p)) < 5 * 256,
        p -> flatten(p).size(),
        p -> flatten(p).size() == 2,
        String::valueOf);
  }

  /** reverse(xs) == xs. */
  static Case<List<Integer>> reverse() {
    return new Case<>("reverse", "[0, 1]", Arbitraries.integers().list(),
        lists().of(integers().all()).ofSizeBetween(0, MAX),
        xs -> {
          List<Integer> r = new ArrayList<>(xs);
          java.util.Collections.reverse(r);
          return r.equals(xs);
        },
        List::size,
        xs -> xs.size() == 2 && absSum(xs) == 1,
        String::valueOf);
  }

  /** At most four distinct integers across a list of lists. */
  static Case<List<List<Integer>>> largeUnionList() {
    return new Case<>("large union list", "[[0, 1, -1, 2, -2]]", Arbitraries.integers().list().list(),
        lists().of(lists().of(integers().all()).ofSizeBetween(0, MAX)).ofSizeBetween(0, MAX),
        ls -> new HashSet<>(flatten(ls)).size() <= 4,
        ls -> flatten(ls).size(),
        ls -> ls.size() == 1 && flatten(ls).size() == 5 && absSum(flatten(ls)) == 6,
        String::valueOf);
  }

  /** Fewer than three distinct elements. */
  static Case<List<Integer>> distinct() {
    return new Case<>("distinct", "[0, 1, -1] or [0, 1, 2]", Arbitraries.integers().list(),
        lists().of(integers().all()).ofSizeBetween(0, MAX),
        xs -> new HashSet<>(xs).size() < 3,
        List::size,
        xs -> xs.size() == 3 && absSum(xs) <= 3,
        String::valueOf);
  }

  /** The lengths of a list of lists of zeros sum to at most 10. */
  static Case<List<List<Integer>>> nestedLists() {
    return new Case<>("nested lists", "[[0 x11]] (one list of 11)", Arbitraries.integers().between(0, 0).list().list(),
        lists().of(lists().of(integers().between(0, 0)).ofSizeBetween(0, MAX)).ofSizeBetween(0, MAX),
        ls -> flatten(ls).size() <= 10,
        ls -> flatten(ls).size(),
        ls -> ls.size() == 1 && ls.get(0).size() == 11,
        ls -> {
          List<String> parts = new ArrayList<>();
          ls.forEach(l -> parts.add(l.size() == 1 ? "[0]" : "[0 x" + l.size() + "]"));
          return parts.toString();
        });
  }

  /** A length n in [1, 100] first, then n ints in [0, 1000] (a bind); the maximum is under 900. */
  static Case<List<Integer>> lengthList() {
    Arbitrary<List<Integer>> ours = Arbitraries.integers().between(1, 100)
        .flatMap(n -> Arbitraries.integers().between(0, 1000).list().ofSize(n));
    Gen<List<Integer>> qt = integers().between(1, 100).flatMap(n -> lists().of(integers().between(0, 1000)).ofSize(n));
    return new Case<>("lengthlist", "[900]", ours, qt,
        xs -> xs.stream().mapToInt(Integer::intValue).max().orElse(0) < 900,
        List::size,
        xs -> xs.equals(List.of(900)),
        String::valueOf);
  }

  static short shortSum(Collection<Short> xs) {
    int sum = 0;
    for (short x : xs) {
      sum += x;
    }
    return (short) sum;
  }

  static <T> List<T> flatten(List<? extends List<T>> ls) {
    List<T> out = new ArrayList<>();
    ls.forEach(out::addAll);
    return out;
  }

  static long absSum(Collection<Integer> xs) {
    long s = 0;
    for (int x : xs) {
      s += Math.abs((long) x);
    }
    return s;
  }

  static Set<Integer> set(Collection<Integer> xs) {
    return new HashSet<>(xs);
  }
}
