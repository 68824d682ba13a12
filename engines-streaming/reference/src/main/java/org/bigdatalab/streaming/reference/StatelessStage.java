package org.bigdatalab.streaming.reference;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.streaming.DeadLetter;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StatelessJob;
import org.bigdatalab.streaming.StatelessResult;
import org.bigdatalab.streaming.StreamingFailedException;

/**
 * A stateless job over a range of source records: parse, filter, map, in arrival order. The
 * sequential engine runs it over the whole source; the parallel one over contiguous ranges, one per
 * thread, and concatenates the ranges' outputs in range order, which is the arrival order. Typed
 * batches skip the parse: filter and map in a loop over the batch's events.
 */
final class StatelessStage {
  private StatelessStage() {}

  /** What one range emitted. */
  record Part<R>(OutputBlocks<R> outputs, List<DeadLetter> dead) {}

  /**
   * The records {@code [from, to)} of the source, counted as {@link ScriptedSource#records} does: a
   * line is one record, a typed batch one per event (run in a tight loop, no parse), so a range
   * can end inside a batch.
   */
  static <T, R> Part<R> run(StatelessJob<T, R> job, List<ScriptedSource.Step> steps, long from, long to) {
    OutputBlocks<R> outputs = new OutputBlocks<>();
    List<DeadLetter> dead = new ArrayList<>();
    long at = 0;
    for (int i = 0; i < steps.size() && at < to; i++) {
      ScriptedSource.Step step = steps.get(i);
      if (step instanceof ScriptedSource.Events<?> batch) {
        int first = (int) Math.max(0, from - at);
        int end = (int) Math.min(batch.size(), to - at);
        @SuppressWarnings("unchecked") List<T> events = (List<T>) batch.events();
        for (int e = first; e < end; e++) {
          R out = job.apply(events.get(e));
          if (out != null) {
            outputs.add(out);
          }
        }
        at += batch.size();
        continue;
      }
      if (at++ < from || !(step instanceof ScriptedSource.Line line)) {
        continue;
      }
      T event;
      try {
        event = job.parser().parse(line.text());
      } catch (BadRecordException e) {
        dead.add(new DeadLetter(i, line.text(), e.getMessage()));
        continue;
      }
      R out = job.apply(event);
      if (out != null) {
        outputs.add(out);
      }
    }
    return new Part<>(outputs, dead);
  }

  /** The parts, concatenated in order: their blocks read as one list ({@link OutputBlocks.Joined}). */
  static <R> StatelessResult<R> concat(List<Part<R>> parts) {
    List<Object[]> blocks = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    for (Part<R> p : parts) {
      blocks.addAll(p.outputs().blocks());
      dead.addAll(p.dead());
    }
    return new StatelessResult<>(new OutputBlocks.Joined<R>(blocks), dead);
  }

  static StreamingFailedException failed(StatelessJob<?, ?> job, RuntimeException e) {
    return new StreamingFailedException("stateless job " + job.name() + " failed: " + e, e);
  }
}
