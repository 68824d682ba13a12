package org.bigdatalab.lambda.reference;

import java.util.List;
import org.bigdatalab.lambda.KappaPipeline;
import org.bigdatalab.lambda.LambdaPipeline;
import org.bigdatalab.lambda.ViewDefinition;
import org.bigdatalab.log.LogEntry;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;

/**
 * Deliberately broken pipelines over the reference engines, each wrong in one classic way.
 * {@link PipelineSelfTest} shows that the matching clause catches each one.
 */
final class BrokenPipelines {
  private BrokenPipelines() {}

  private static EngineInfo broken(String id, String what) {
    return EngineInfo.builder(id, Topic.LAMBDA).kind(EngineInfo.Kind.BROKEN).description(what).build();
  }

  /** The reference engines, under a broken pipeline's name. */
  private abstract static class Base extends ComposedPipeline {
    Base(EngineInfo info) {
      this(info, (ComposedPipeline) Combinations.reference());
    }

    private Base(EngineInfo info, ComposedPipeline parts) {
      super(info, parts.dataflow(), parts.streaming(), parts.log());
    }
  }

  /**
   * The seed's merge: the speed layer takes "events since the last batch run", by time: from each
   * partition's first record at or after the batch's latest timestamp. A record at that time is in
   * both views, and a late one (older, appended after the run) in neither.
   */
  static final class BoundaryByTime extends Base {
    BoundaryByTime() { super(broken("broken-lambda-time-boundary", "speed layer starts at the batch's last event time")); }

    @Override
    public <T> LambdaPipeline lambda(String topic, ViewDefinition<T> view) {
      return new LambdaArchitecture<>(log(), topic, dataflow(), streaming(), view) {
        @Override
        protected void expireRealtime() {
          super.expireRealtime();
          long since = masterMaxTimestamp();
          for (int p = 0; p < speedEnd.length; p++) {
            speedEnd[p] = log.offsetForTime(topic, p, since);
          }
        }
      };
    }
  }

  /** A batch run leaves the realtime view as it was: what the speed layer counted is counted again by the batch. */
  static final class KeepsRealtimeAfterBatch extends Base {
    KeepsRealtimeAfterBatch() { super(broken("broken-lambda-keeps-realtime", "realtime view not expired by a batch run")); }

    @Override
    public <T> LambdaPipeline lambda(String topic, ViewDefinition<T> view) {
      return new LambdaArchitecture<>(log(), topic, dataflow(), streaming(), view) {
        @Override protected void expireRealtime() {}

        @Override
        protected List<LogEntry> speedInput(int partition, long end) {
          return readTo(partition, Math.max(speedEnd[partition], masterEnd[partition]), end);
        }
      };
    }
  }

  /** Readers are pointed at the new view as soon as reprocessing has read anything: a half-built view is served. */
  static final class ExposesHalfBuiltView extends Base {
    ExposesHalfBuiltView() { super(broken("broken-kappa-half-built", "switches before the new job caught up")); }

    @Override
    public <T> KappaPipeline kappa(String topic, ViewDefinition<T> view, int pollRecords) {
      return new KappaArchitecture(log(), topic, streaming(), view, pollRecords) {
        @Override protected boolean switchNow(boolean caughtUp) { return true; }
      };
    }
  }

  /** Resumes at the committed offset + 1, as if Kafka committed the last record read: one record lost per poll. */
  static final class ResumesAfterCommitted extends Base {
    ResumesAfterCommitted() { super(broken("broken-kappa-resume-plus-one", "resumes one past the committed offset")); }

    @Override
    public <T> KappaPipeline kappa(String topic, ViewDefinition<T> view, int pollRecords) {
      return new KappaArchitecture(log(), topic, streaming(), view, pollRecords) {
        @Override
        protected long resumeFrom(Job job, int partition) {
          long at = job.position(partition);
          boolean committed = log.committed(job.group, topic, partition).isPresent();
          return committed ? Math.min(at + 1, log.endOffset(topic, partition)) : at;
        }
      };
    }
  }
}
