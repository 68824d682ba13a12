package org.bigdatalab.lambda.spec;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bigdatalab.lambda.ViewDefinition;
import org.bigdatalab.lambda.ViewKey;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.LogRecord;
import org.bigdatalab.streaming.spec.Click;

/**
 * The views the Lambda and Kappa suites compute over clicks, their oracle (a loop over the clicks,
 * nothing else), and how a producer puts clicks on a topic: the partition is the user's hash, the
 * record's timestamp the click's time.
 */
public final class ClickViews {
  private static final AtomicLong TOPICS = new AtomicLong();
  static final int PARTITIONS = 2;

  private ClickViews() {}

  /** Spend per user and 10 ms window: the code a pipeline starts with. */
  public static ViewDefinition<Click> spend() {
    return new ViewDefinition<>("spend", Click::parse, Click::user, Click::time, 10, Click::amount);
  }

  /** Clicks per user and 20 ms window: the new code a Kappa pipeline reprocesses with (other windows, other values). */
  public static ViewDefinition<Click> clicks() {
    return new ViewDefinition<>("clicks", Click::parse, Click::user, Click::time, 20, c -> 1L);
  }

  /** The view of the clicks, by the definition alone. */
  public static Map<ViewKey, Long> oracle(ViewDefinition<Click> view, List<Click> clicks) {
    Map<ViewKey, Long> out = new TreeMap<>();
    for (Click c : clicks) {
      out.merge(view.viewKey(c), view.value().applyAsLong(c), Long::sum);
    }
    return out;
  }

  /** A new topic of {@link #PARTITIONS} partitions on the log. */
  static String newTopic(EventLog log) {
    String topic = "clicks" + TOPICS.incrementAndGet();
    log.createTopic(topic, PARTITIONS);
    return topic;
  }

  static int partitionOf(Click c) {
    return Math.floorMod(c.user().hashCode(), PARTITIONS);
  }

  /** Appends the click as a producer would, and returns its offset. */
  static long produce(EventLog log, String topic, Click c) {
    return log.append(topic, partitionOf(c), LogRecord.of(c.user(), c.line(), c.time()));
  }
}
