package org.bigdatalab.streaming.flink;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceReaderBase;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.util.NumberSequenceIterator;

/**
 * The script as a checkpointed Flink source (FLIP-27): its split is the range of step indices
 * still to emit, so a checkpoint records the position and a restore rewinds the script to it, as a
 * Kafka source rewinds to its committed offsets. Enumerator, split and serializers are Flink's
 * {@link NumberSequenceSource}'s; only the reader is ours.
 *
 * <p>Checkpoints fall exactly every {@code checkpointEvery} steps, whatever the wall clock: the
 * reader emits the steps up to the next boundary in one {@code pollNext} call (a checkpoint is
 * triggered between calls, never inside one), then reports nothing available until a checkpoint
 * taken at that boundary has completed ({@code notifyCheckpointComplete}). The periodic interval
 * only decides how soon that checkpoint comes.
 */
final class StepSource implements Source<Tuple3<Integer, Integer, String>, NumberSequenceSplit, Collection<NumberSequenceSplit>> {
  private static final long serialVersionUID = 1L;

  private final List<Tuple3<Integer, Integer, String>> steps;
  private final int checkpointEvery;
  private final Functions.ScriptWatermarks.Rule<?> rule;
  private final NumberSequenceSource indices;

  StepSource(List<Tuple3<Integer, Integer, String>> steps, int checkpointEvery, Functions.ScriptWatermarks.Rule<?> rule) {
    this.steps = List.copyOf(steps);
    this.checkpointEvery = checkpointEvery;
    this.rule = rule;
    this.indices = new NumberSequenceSource(0, steps.size() - 1);
  }

  @Override public Boundedness getBoundedness() { return Boundedness.BOUNDED; }

  @Override
  public SourceReader<Tuple3<Integer, Integer, String>, NumberSequenceSplit> createReader(SourceReaderContext context) {
    return new Reader(context, steps, checkpointEvery, rule);
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> context) {
    return indices.createEnumerator(context);
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> context, Collection<NumberSequenceSplit> checkpoint) {
    return indices.restoreEnumerator(context, checkpoint);
  }

  @Override public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() { return indices.getSplitSerializer(); }

  @Override
  public SimpleVersionedSerializer<Collection<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
    return indices.getEnumeratorCheckpointSerializer();
  }

  /** Step index → step; pauses at each checkpoint boundary; after a restore, first re-announces the script's watermark. */
  static final class Reader extends IteratorSourceReaderBase<Long, Tuple3<Integer, Integer, String>, NumberSequenceIterator, NumberSequenceSplit> {
    private final List<Tuple3<Integer, Integer, String>> steps;
    private final int checkpointEvery;
    private final Functions.ScriptWatermarks.Rule<?> rule;
    private long next;
    private boolean atBoundary;
    private CompletableFuture<Void> gate;
    private long gateCheckpoint = -1;
    private Tuple3<Integer, Integer, String> resumeMark;

    Reader(SourceReaderContext context, List<Tuple3<Integer, Integer, String>> steps, int checkpointEvery,
        Functions.ScriptWatermarks.Rule<?> rule) {
      super(context);
      this.steps = steps;
      this.checkpointEvery = checkpointEvery;
      this.rule = rule;
    }

    /**
     * A split that starts past step 0 is a restore. Flink does not checkpoint watermarks, so the
     * restored job would start at the minimum watermark and take events the uncrashed run found
     * late as on time; the watermark the script had reached at this position goes out first.
     */
    @Override
    public void addSplits(List<NumberSequenceSplit> splits) {
      for (NumberSequenceSplit split : splits) {
        next = split.from();
        if (next > 0) {
          long mark = Long.MIN_VALUE;
          for (int i = 0; i < next; i++) {
            mark = rule.advance(mark, steps.get(i));
          }
          resumeMark = Tuple3.of(-1, Functions.WATERMARK, Long.toString(mark));
        }
      }
      super.addSplits(splits);
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Tuple3<Integer, Integer, String>> output) {
      if (gate != null) {
        return InputStatus.NOTHING_AVAILABLE;
      }
      if (resumeMark != null) {
        output.collect(resumeMark);
        resumeMark = null;
      }
      InputStatus status;
      do {
        status = super.pollNext(output);
      } while (status == InputStatus.MORE_AVAILABLE && !atBoundary);
      if (atBoundary && status == InputStatus.MORE_AVAILABLE) {
        gate = new CompletableFuture<>();
        return InputStatus.NOTHING_AVAILABLE;
      }
      return status;
    }

    @Override
    protected Tuple3<Integer, Integer, String> convert(Long index) {
      next = index + 1;
      atBoundary = checkpointEvery > 0 && next % checkpointEvery == 0;
      return steps.get(index.intValue());
    }

    @Override
    public List<NumberSequenceSplit> snapshotState(long checkpointId) {
      if (gate != null && gateCheckpoint < 0) {
        gateCheckpoint = checkpointId;
      }
      return super.snapshotState(checkpointId);
    }

    /** Any checkpoint completed since the reader stopped at the boundary was taken there: go on. */
    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (gate != null && gateCheckpoint >= 0 && checkpointId >= gateCheckpoint) {
        CompletableFuture<Void> open = gate;
        gate = null;
        gateCheckpoint = -1;
        atBoundary = false;
        open.complete(null);
      }
    }

    @Override
    public CompletableFuture<Void> isAvailable() { return gate != null ? gate : super.isAvailable(); }
  }
}
