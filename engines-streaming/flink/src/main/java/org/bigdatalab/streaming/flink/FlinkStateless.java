package org.bigdatalab.streaming.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.bigdatalab.streaming.DeadLetter;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StatelessJob;
import org.bigdatalab.streaming.StatelessResult;
import org.bigdatalab.streaming.StreamFns;

/**
 * A stateless job as a Flink program: the source's lines, the shared parse step (bad lines to the
 * dead-letter side output), then Flink's own {@code filter} and {@code map} on the parsed events,
 * and a collecting step. Parallelism 1 keeps arrival order. Events cross operators as Java objects
 * (Kryo-serialized where Flink must), so the parser runs once per line here.
 */
final class FlinkStateless {
  private FlinkStateless() {}

  static <T, R> StatelessResult<R> run(StreamExecutionEnvironment env, StatelessJob<T, R> job, ScriptedSource source,
      String runId) throws Exception {
    Runs.Sink sink = Runs.open(runId);
    try {
      List<Tuple3<Integer, Integer, String>> lines = new ArrayList<>();
      for (int i = 0; i < source.steps().size(); i++) {
        if (source.steps().get(i) instanceof ScriptedSource.Line line) {
          lines.add(Tuple3.of(i, Functions.LINE, line.text()));
        } else if (source.steps().get(i) instanceof ScriptedSource.Events<?> batch) {
          for (int e = 0; e < batch.size(); e++) { // no typed path: the lines the batch stands for
            lines.add(Tuple3.of(i, Functions.LINE, batch.line(e)));
          }
        }
      }
      TypeInformation<Tuple3<Integer, Integer, String>> stepType = Types.TUPLE(Types.INT, Types.INT, Types.STRING);
      DataStream<Tuple3<Integer, Integer, String>> input = lines.isEmpty()
          ? env.fromData(List.of(Tuple3.of(-1, Functions.IDLE, "0")), stepType)
          : env.fromData(lines, stepType);
      env.getConfig().enableObjectReuse(); // chained operators hand events on by reference, as Nexmark runs Flink
      SingleOutputStreamOperator<Tuple2<Integer, String>> parsed =
          input.process(new Functions.Parse<>(job.parser()), Types.TUPLE(Types.INT, Types.STRING)).name("parse");
      TypeInformation<Object> anything = TypeInformation.of(Object.class);
      parsed.map(new ParseAgain<>(job.parser()), anything).name("events")
          .filter(new Keep<>(job.filter())).name("filter")
          .map(new Apply<>(job.map()), anything).name("map")
          .process(new Collect(runId, false), anything).name("collect")
          .sinkTo(new DiscardingSink<>());
      parsed.getSideOutput(Functions.DEAD).process(new Functions.CollectDead(), anything).name("dead-letters")
          .process(new Collect(runId, true), anything).sinkTo(new DiscardingSink<>());
      env.execute(job.name());
      @SuppressWarnings("unchecked")
      List<R> out = (List<R>) (List<?>) new ArrayList<>(sink.outputs);
      return new StatelessResult<>(out, sink.dead);
    } finally {
      Runs.close(runId);
    }
  }

  /** The parse step passes lines on (only strings cross its output); this turns each into its event. */
  private static final class ParseAgain<T> implements MapFunction<Tuple2<Integer, String>, Object> {
    private static final long serialVersionUID = 1L;
    private final StreamFns.Parser<T> parser;

    ParseAgain(StreamFns.Parser<T> parser) { this.parser = parser; }

    @Override public Object map(Tuple2<Integer, String> line) { return parser.parse(line.f1); }
  }

  private static final class Keep<T> implements FilterFunction<Object> {
    private static final long serialVersionUID = 1L;
    private final StreamFns.Filter<T> filter;

    Keep(StreamFns.Filter<T> filter) { this.filter = filter; }

    @SuppressWarnings("unchecked")
    @Override public boolean filter(Object event) { return filter.test((T) event); }
  }

  private static final class Apply<T, R> implements MapFunction<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final StreamFns.Map<T, R> map;

    Apply(StreamFns.Map<T, R> map) { this.map = map; }

    @SuppressWarnings("unchecked")
    @Override public Object map(Object event) { return map.apply((T) event); }
  }

  /** Appends to the run's outputs, or to its dead letters (a stateless job has no checkpoints to commit at). */
  private static final class Collect extends ProcessFunction<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final boolean deadLetters;

    Collect(String runId, boolean deadLetters) {
      this.runId = runId;
      this.deadLetters = deadLetters;
    }

    @Override
    public void processElement(Object out, Context ctx, Collector<Object> ignored) {
      if (deadLetters) {
        Runs.of(runId).dead.add((DeadLetter) out);
      } else {
        Runs.of(runId).outputs.add(out);
      }
    }
  }
}
