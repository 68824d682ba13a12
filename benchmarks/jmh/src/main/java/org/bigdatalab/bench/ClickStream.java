package org.bigdatalab.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bigdatalab.lambda.ViewDefinition;
import org.bigdatalab.lambda.ViewKey;
import org.bigdatalab.streaming.spec.Click;

/**
 * The events of the lambda-kappa workload: {@code n} clicks as the spec's producers write them
 * ({@code time,user,amount} lines), 100 users, 100 clicks a millisecond, amounts 1-100, from one
 * seed. With the spec's spend view (10 ms windows) a window holds every user, so the view has
 * n/10 entries: big enough that reprocessing is the work, small enough that the serving layer's
 * query (which returns the whole view) stays a query, not a bulk export.
 */
final class ClickStream {
  static final int USERS = 100;
  static final int CLICKS_PER_MS = 100;
  private static final long SEED = 42;
  private static ClickStream cached;

  final List<Click> clicks;
  final List<String> lines;

  private ClickStream(int n) {
    SplittableRandom random = new SplittableRandom(SEED);
    clicks = new ArrayList<>(n);
    lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Click c = new Click(i / CLICKS_PER_MS, "u" + random.nextInt(USERS), 1 + random.nextInt(100));
      clicks.add(c);
      lines.add(c.line());
    }
  }

  /** The stream of a size label (a count: 100K, 1M); one kept per JVM. */
  static synchronized ClickStream of(String size) {
    int n = BenchData.count(size);
    if (cached == null || cached.clicks.size() != n) {
      cached = null; // let the old one go before making the new one
      cached = new ClickStream(n);
    }
    return cached;
  }

  /** The hand-written baseline of reprocessing: parse every line and sum into a hash map, one thread, nothing else. */
  static <T> Map<ViewKey, Long> view(ViewDefinition<T> view, List<String> lines) {
    Map<ViewKey, Long> out = new HashMap<>();
    for (String line : lines) {
      T event = view.parser().parse(line);
      out.merge(view.viewKey(event), view.value().applyAsLong(event), Long::sum);
    }
    return out;
  }
}
