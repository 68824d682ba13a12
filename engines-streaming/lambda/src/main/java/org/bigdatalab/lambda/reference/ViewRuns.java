package org.bigdatalab.lambda.reference;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.DataflowFailedException;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.lambda.PipelineFailedException;
import org.bigdatalab.lambda.ViewDefinition;
import org.bigdatalab.lambda.ViewKey;
import org.bigdatalab.log.LogEntry;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingFailedException;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;

/**
 * A view definition run by each kind of engine, through its SPI only: as a dataflow job over the
 * master dataset, and as a streaming job over a bounded stretch of the log. Both give sums per key
 * and window, which is what lets layers and polls be added together.
 */
final class ViewRuns {
  private ViewRuns() {}

  /** The batch layer's job: parse, key by (key, window), sum; over {@code partitions} slices of the values. */
  static <T> Map<ViewKey, Long> batch(DataflowEngine engine, ViewDefinition<T> view, List<String> values, int partitions,
      String topic) {
    if (values.isEmpty()) {
      return new TreeMap<>();
    }
    Dataset<KeyValue<ViewKey, Long>> keyed = Dataset.of(values, partitions).map(view.parser()::parse)
        .map(e -> KeyValue.of(view.viewKey(e), view.value().applyAsLong(e)));
    Map<ViewKey, Long> out = new TreeMap<>();
    try {
      engine.collect(PairDataset.of(keyed).reduceByKey(Long::sum).asDataset()).forEach(kv -> out.put(kv.key(), kv.value()));
    } catch (DataflowFailedException e) {
      throw new PipelineFailedException("batch layer (" + engine.info().id() + ")", topic, e);
    }
    return out;
  }

  /**
   * A streaming job over a bounded stretch of the log, run to its end: tumbling windows of the
   * view's size, the view's value summed. The stretch is read whole before the run, so no record of
   * it may be late: the out-of-orderness bound is the stretch's own spread of event times (one more
   * than its latest minus its earliest), and the end of the input fires every window.
   */
  static <T> Map<ViewKey, Long> stream(StreamingEngine engine, ViewDefinition<T> view, List<LogEntry> entries, String topic) {
    Map<ViewKey, Long> out = new TreeMap<>();
    if (entries.isEmpty()) {
      return out;
    }
    StreamingJob<T, Long, Long> job = StreamingJob.of(view.name(), view.parser(), view.key(), view.timestamp(),
        Windows.tumbling(view.windowSize()), Aggregate.sum(view.value())).withOutOfOrderness(spread(view, entries));
    ScriptedSource source = ScriptedSource.ofLines(entries.stream().map(e -> e.record().value()).toList());
    try {
      for (WindowResult<Long> r : engine.run(job, source).results()) {
        out.merge(new ViewKey(r.key(), r.window().start()), r.value(), Long::sum);
      }
    } catch (StreamingFailedException e) {
      throw new PipelineFailedException("streaming job " + view.name() + " (" + engine.info().id() + ")", topic, e);
    }
    return out;
  }

  /**
   * One more than the stretch's latest event time minus its earliest: the smallest bound under which
   * none of its records is late. Not a bound of "any time": a real engine keeps it as an interval
   * (Spark: microseconds in a long, and its end-of-input marker must still pass every window), so
   * Long.MAX_VALUE / 4 failed there. Records the parser refuses have no time and do not count.
   */
  private static <T> long spread(ViewDefinition<T> view, List<LogEntry> entries) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (LogEntry e : entries) {
      long t;
      try {
        t = view.timestamp().of(view.parser().parse(e.record().value()));
      } catch (BadRecordException refused) {
        continue;
      }
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    if (min > max) {
      return 1;
    }
    try {
      return Math.addExact(Math.subtractExact(max, min), 1);
    } catch (ArithmeticException wider) {
      return Long.MAX_VALUE; // times spread over the whole range: only a saturating engine can take it
    }
  }

  /** Adds {@code more} into {@code into}, value by value: how partial sums of one window combine. */
  static void addInto(Map<ViewKey, Long> into, Map<ViewKey, Long> more) {
    more.forEach((k, v) -> into.merge(k, v, Long::sum));
  }
}
