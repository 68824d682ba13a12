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
 * A stateless job over a range of source steps: parse, filter, map, in step order. The sequential
 * engine runs it over the whole source; the parallel one over contiguous ranges, one per thread,
 * and concatenates the ranges' outputs in range order, which is the arrival order.
 */
final class StatelessStage {
  private StatelessStage() {}

  /** What one range emitted. */
  record Part<R>(List<R> outputs, List<DeadLetter> dead) {}

  static <T, R> Part<R> run(StatelessJob<T, R> job, List<ScriptedSource.Step> steps, int from, int to) {
    List<R> outputs = new ArrayList<>(to - from);
    List<DeadLetter> dead = new ArrayList<>();
    for (int i = from; i < to; i++) {
      if (!(steps.get(i) instanceof ScriptedSource.Line line)) {
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

  /** The parts, concatenated in order. */
  static <R> StatelessResult<R> concat(List<Part<R>> parts) {
    int size = parts.stream().mapToInt(p -> p.outputs().size()).sum();
    List<R> outputs = new ArrayList<>(size);
    List<DeadLetter> dead = new ArrayList<>();
    parts.forEach(p -> {
      outputs.addAll(p.outputs());
      dead.addAll(p.dead());
    });
    return new StatelessResult<>(outputs, dead);
  }

  static StreamingFailedException failed(StatelessJob<?, ?> job, RuntimeException e) {
    return new StreamingFailedException("stateless job " + job.name() + " failed: " + e, e);
  }
}
