package org.bigdatalab.streaming.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The job's sink, two-phase: what arrives between two checkpoints is held back, staged in the
 * operator's state by the checkpoint that follows it, and published to the run's lists only when
 * that checkpoint has completed ({@code notifyCheckpointComplete}). A crash discards what was not
 * yet covered by a completed checkpoint; the restored job computes it again. Publishing is
 * idempotent by checkpoint id ({@link Runs#publish}): a restore publishes the staged outputs it
 * finds in its state, which the completion notice may or may not have published before the crash.
 *
 * <p>Without checkpointing nothing is ever replayed, so everything is published at the end of the
 * input. With it, Flink takes a final checkpoint once the input has ended and waits for it to
 * complete before the job finishes, which publishes the rest.
 */
final class CommitOnCheckpoint extends AbstractStreamOperator<Void> implements OneInputStreamOperator<Object, Void>, BoundedOneInput {
  private static final long serialVersionUID = 1L;

  private final String runId;
  private final boolean checkpointed;
  private transient List<Object> pending;
  private transient TreeMap<Long, List<Object>> staged;
  private transient ListState<Tuple2<Long, Object>> state;

  CommitOnCheckpoint(String runId, boolean checkpointed) {
    this.runId = runId;
    this.checkpointed = checkpointed;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    pending = new ArrayList<>();
    staged = new TreeMap<>();
    state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("staged",
        Types.TUPLE(Types.LONG, TypeInformation.of(Object.class))));
    if (context.isRestored()) {
      for (Tuple2<Long, Object> s : state.get()) {
        staged.computeIfAbsent(s.f0, k -> new ArrayList<>()).add(s.f1);
      }
      // A restore starts from a completed checkpoint: everything staged up to it is committed.
      publishUpTo(context.getRestoredCheckpointId().orElse(Long.MAX_VALUE));
    }
  }

  @Override
  public void processElement(StreamRecord<Object> element) { pending.add(element.getValue()); }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    if (!pending.isEmpty()) {
      staged.put(context.getCheckpointId(), pending);
      pending = new ArrayList<>();
    }
    List<Tuple2<Long, Object>> all = new ArrayList<>();
    staged.forEach((id, outputs) -> outputs.forEach(o -> all.add(Tuple2.of(id, o))));
    state.update(all);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    super.notifyCheckpointComplete(checkpointId);
    publishUpTo(checkpointId);
  }

  @Override
  public void endInput() {
    if (!checkpointed) {
      Runs.of(runId).publish(Long.MAX_VALUE, pending);
      pending = new ArrayList<>();
    }
  }

  private void publishUpTo(long checkpointId) {
    Map<Long, List<Object>> done = staged.headMap(checkpointId, true);
    done.forEach((id, outputs) -> Runs.of(runId).publish(id, outputs));
    done.clear();
  }
}
