package org.bigdatalab.streaming.spec;

import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.Windows;

/**
 * The jobs the spec runs: clicks per user and window, counted, summed, or averaged by a user
 * aggregate (which exercises create, add, merge and result, as Flink's {@code AggregateFunction}).
 */
public enum ClickJobs {
  COUNT, SUM, MEAN;

  /** This job over the given windows, with the given out-of-orderness bound. */
  public StreamingJob<Click, ?, ?> job(Windows windows, long outOfOrderness) {
    return switch (this) {
      case COUNT -> StreamingJob.of("clicks-count", Click::parse, Click::user, Click::time, windows,
          Aggregate.<Click>count()).withOutOfOrderness(outOfOrderness);
      case SUM -> StreamingJob.of("clicks-sum", Click::parse, Click::user, Click::time, windows,
          Aggregate.<Click>sum(Click::amount)).withOutOfOrderness(outOfOrderness);
      case MEAN -> StreamingJob.of("clicks-mean", Click::parse, Click::user, Click::time, windows,
          new Mean()).withOutOfOrderness(outOfOrderness);
    };
  }

  /** The mean amount, kept exact as "sum/count"; the accumulator is an immutable pair. */
  public static final class Mean implements Aggregate<Click, Mean.Acc, String> {
    private static final long serialVersionUID = 1L;

    /** Sum and count so far. */
    public record Acc(long sum, long count) implements java.io.Serializable {}

    @Override public Acc create() { return new Acc(0, 0); }
    @Override public Acc add(Acc acc, Click c) { return new Acc(acc.sum() + c.amount(), acc.count() + 1); }
    @Override public Acc merge(Acc a, Acc b) { return new Acc(a.sum() + b.sum(), a.count() + b.count()); }
    @Override public String result(Acc acc) { return acc.sum() + "/" + acc.count(); }
    @Override public String toString() { return "mean"; }
  }
}
