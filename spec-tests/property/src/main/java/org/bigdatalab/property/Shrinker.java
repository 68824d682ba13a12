package org.bigdatalab.property;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Shrinks a failing choice sequence: shorter first, then smaller numbers (shortlex order), keeping
 * only candidates that fail the same way. The passes are minithesis's, with Hypothesis's deletion of
 * whole collection elements in front: delete elements, delete chunks, zero chunks, lower single
 * choices by binary search, lower equal choices together (all copies, then pairs), lower two
 * nearby choices by a common offset, sort chunks, and move value between two choices. Each works
 * on the choices alone, so it shrinks any generator, actions and flatMaps included.
 */
final class Shrinker {
  /** Runs a candidate; returns what it consumed when it fails the same way, else null. */
  interface Attempt extends Function<long[], Run> {}

  /** The choices a run consumed and the spans of its collection elements. */
  record Run(long[] choices, List<int[]> spans) {}

  private final Attempt attempt;
  private final long deadline;
  private final int maxAttempts;
  private final Set<String> tried = new HashSet<>();
  private long[] best;
  private List<int[]> spans;
  private int attempts;
  private int improvements;

  Shrinker(Run failing, Attempt attempt, long budgetMillis, int maxAttempts) {
    this.best = failing.choices();
    this.spans = failing.spans();
    this.attempt = attempt;
    this.deadline = System.currentTimeMillis() + budgetMillis;
    this.maxAttempts = maxAttempts;
  }

  long[] shrink() {
    boolean improved = true;
    while (improved && !spent()) {
      long[] before = best;
      deleteElements();
      deleteChunks();
      zeroChunks();
      lowerEach();
      lowerTogether();
      lowerPairs();
      sortChunks();
      redistribute();
      lowerEqualPairs();
      improved = before != best;
    }
    return best;
  }

  int improvements() {
    return improvements;
  }

  boolean budgetSpent() {
    return spent();
  }

  private boolean spent() {
    return attempts >= maxAttempts || System.currentTimeMillis() > deadline;
  }

  /** Tries a candidate; keeps it if it is simpler and still fails. */
  private boolean consider(long[] candidate) {
    if (!simpler(candidate, best) || spent() || !tried.add(Arrays.toString(candidate))) {
      return false;
    }
    attempts++;
    Run run = attempt.apply(candidate);
    if (run == null || !simpler(run.choices(), best)) {
      return false;
    }
    best = run.choices();
    spans = run.spans();
    improvements++;
    return true;
  }

  /**
   * Deletes whole collection elements (a list item, a step of a schedule), last first, then pairs
   * of neighbours: an element can be longer than any chunk, and deleting it keeps what follows
   * aligned with its own choices.
   */
  private void deleteElements() {
    for (int k = spans.size() - 1; k >= 0 && !spent(); k--) {
      if (k < spans.size()) {
        int[] span = spans.get(k);
        consider(without(span[0], span[1]));
      }
    }
    for (int k = spans.size() - 2; k >= 0 && !spent(); k--) {
      if (k + 1 < spans.size() && spans.get(k)[1] == spans.get(k + 1)[0]) {
        consider(without(spans.get(k)[0], spans.get(k + 1)[1]));
      }
    }
  }

  private long[] without(int from, int to) {
    if (to > best.length) {
      return best;
    }
    long[] c = new long[best.length - (to - from)];
    System.arraycopy(best, 0, c, 0, from);
    System.arraycopy(best, to, c, from, best.length - to);
    return c;
  }

  /**
   * Every chunk size from 8 down, not only powers of two: a list element is often 3 choices (its
   * "one more?", then a sign and a magnitude, or two fields), and only a chunk of exactly its size
   * deletes it and leaves the rest of the case as it was.
   */
  private void deleteChunks() {
    for (int k = 8; k >= 1; k--) {
      for (int i = best.length - k; i >= 0 && !spent(); i--) {
        if (i + k <= best.length) {
          long[] c = new long[best.length - k];
          System.arraycopy(best, 0, c, 0, i);
          System.arraycopy(best, i + k, c, i, best.length - i - k);
          if (!consider(c) && i > 0) {
            // Deleting a list element is easier when the choice before it (its "one more?") goes too.
            long[] d = c.clone();
            if (d[i - 1] > 0) {
              d[i - 1]--;
              consider(d);
            }
          }
        }
      }
    }
  }

  private void zeroChunks() {
    for (int k = 8; k >= 2; k /= 2) {
      for (int i = best.length - k; i >= 0 && !spent(); i--) {
        if (i + k <= best.length) {
          long[] c = best.clone();
          Arrays.fill(c, i, i + k, 0);
          consider(c);
        }
      }
    }
  }

  private void lowerEach() {
    for (int i = best.length - 1; i >= 0 && !spent(); i--) {
      if (i < best.length && best[i] > 0) {
        int at = i;
        lowest(best[i], v -> with(at, v));
      }
    }
  }

  /**
   * Lowers all copies of a repeated value at once: [8, 8] may fail where [0, 8] and [8, 0] pass (two
   * equal records, two equal keys), so lowering one choice at a time never gets to [0, 0].
   */
  private void lowerTogether() {
    java.util.Map<Long, Integer> counts = new java.util.TreeMap<>();
    for (long v : best) {
      if (v > 0) {
        counts.merge(v, 1, Integer::sum);
      }
    }
    for (java.util.Map.Entry<Long, Integer> e : counts.entrySet()) {
      if (e.getValue() < 2 || spent()) {
        continue;
      }
      long value = e.getKey();
      long[] base = best.clone();
      int[] at = java.util.stream.IntStream.range(0, base.length).filter(i -> base[i] == value).toArray();
      lowest(value, v -> {
        long[] c = base.clone();
        for (int i : at) {
          c[i] = v;
        }
        return c;
      });
    }
  }

  /**
   * Lowers two nearby choices by the same amount: events at times 100 and 90 may fail only while
   * the second is 10 before the first, so each alone cannot move and both together reach 10 and 0.
   */
  private void lowerPairs() {
    for (int i = 0; i < best.length && !spent(); i++) {
      for (int j = i + 1; j < Math.min(best.length, i + 9) && !spent(); j++) {
        if (i >= best.length || j >= best.length || best[i] == 0 || best[j] == 0) {
          continue;
        }
        long[] base = best.clone();
        int a = i;
        int b = j;
        long most = Math.min(base[a], base[b]);
        // lowest() searches for the smallest value that still fails: here, the smallest remaining offset.
        lowest(most, v -> {
          long[] c = base.clone();
          c[a] = base[a] - most + v;
          c[b] = base[b] - most + v;
          return c;
        });
      }
    }
  }

  private void sortChunks() {
    for (int k = 8; k >= 2; k /= 2) {
      for (int i = best.length - k; i >= 0 && !spent(); i--) {
        if (i + k <= best.length) {
          long[] c = best.clone();
          Arrays.sort(c, i, i + k);
          consider(c);
        }
      }
    }
  }

  /** Moves value from an earlier choice to a later one: [3, 0] may fail like [0, 3], which is simpler. */
  private void redistribute() {
    // Gaps up to 4: a signed integer takes two choices (sign, magnitude), so neighbours in a list sit 3 apart.
    for (int gap = 1; gap <= 4; gap++) {
      for (int at = 0; at + gap < best.length && !spent(); at++) {
        int i = at;
        int j = at + gap;
        if (best[i] == 0) {
          continue;
        }
        long[] base = best.clone();
        lowest(base[i], v -> {
          long[] c = base.clone();
          long moved = base[i] - v;
          c[i] = v;
          c[j] = base[j] > Long.MAX_VALUE - moved ? Long.MAX_VALUE : base[j] + moved;
          return c;
        });
      }
    }
  }

  /**
   * Lowers two equal choices together: a node crashed and later restarted is named twice, and
   * naming another node in only one of the steps changes the schedule.
   */
  private void lowerEqualPairs() {
    for (int i = 0; i < best.length && !spent(); i++) {
      for (int j = i + 1; j < best.length && j <= i + 64 && !spent(); j++) {
        if (best[i] > 0 && best[i] == best[j]) {
          int a = i;
          int b = j;
          lowest(best[i], v -> {
            long[] c = best.clone();
            if (b < c.length) {
              c[a] = v;
              c[b] = v;
            }
            return c;
          });
        }
      }
    }
  }

  /** Binary search for the smallest value that still fails, assuming {@code current} does. */
  private void lowest(long current, java.util.function.LongFunction<long[]> candidate) {
    if (consider(candidate.apply(0))) {
      return;
    }
    long lo = 0;
    long hi = current;
    while (lo + 1 < hi && !spent()) {
      long mid = lo + (hi - lo) / 2;
      if (consider(candidate.apply(mid))) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
  }

  private long[] with(int i, long v) {
    if (i >= best.length) {
      return best;
    }
    long[] c = best.clone();
    c[i] = v;
    return c;
  }

  /** Shortlex: fewer choices, then the first differing choice smaller. */
  static boolean simpler(long[] a, long[] b) {
    if (a.length != b.length) {
      return a.length < b.length;
    }
    return Arrays.compare(a, b) < 0;
  }
}
