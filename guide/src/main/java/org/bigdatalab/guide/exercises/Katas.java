package org.bigdatalab.guide.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.guide.exercises.Kata.clause;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.SkewClauses;
import org.bigdatalab.dataflow.spec.SkewGenerators;
import org.bigdatalab.dataflow.spec.SkewGenerators.SkewedInput;
import org.bigdatalab.dataflow.spec.SkewSpec;
import org.bigdatalab.guide.Scratch;
import org.bigdatalab.lambda.LambdaClauses;
import org.bigdatalab.lambda.ViewDefinition;
import org.bigdatalab.lambda.ViewKey;
import org.bigdatalab.lambda.spec.ClickViews;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.MapReduceClauses;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.Partitioner;
import org.bigdatalab.mapreduce.Reducer;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.mapreduce.spec.InputFile;
import org.bigdatalab.mapreduce.spec.MapReduceGenerators;
import org.bigdatalab.mapreduce.spec.MapReduceOracle;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.StreamingClauses;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.Click;
import org.bigdatalab.streaming.spec.Scenario;
import org.bigdatalab.streaming.spec.StreamingGenerators;
import org.bigdatalab.streaming.spec.StreamingOracle;

/**
 * The guide's katas. Each one checks the learner's piece with the spec's own generators, oracles and
 * assertions (the clause ids say which), on a reference engine where the piece runs inside a job, so
 * that passing a kata means what passing the clause means for an engine.
 */
public final class Katas {
  private Katas() {}

  /** Word count over generated files, split into map tasks of {@code splitBytes}, into {@code reducers} parts. */
  public record WordCountCase(List<InputFile> files, long splitBytes, int reducers) {}

  /** Words (often with negative hash codes) for a job with {@code reducers} reducers. */
  public record PartitionCase(List<String> words, int reducers) {}

  /** Skewed records aggregated under {@code salts} salts into {@code partitions} partitions (0: the engine's default). */
  public record SaltingCase(SkewedInput input, int salts, int partitions) {}

  /** Clicks in log order, of which the last batch run read the first {@code batchRead}. */
  public record LambdaCase(List<Click> clicks, int batchRead) {}

  /** Clicks whose late arrivals bridge sessions, and the session windows. */
  public record SessionCase(Scenario scenario, Windows windows) {}

  static final Kata<Reducer<String, Long, String, Long>, WordCountCase> COMBINER = new Kata<>("combiner", "2. MapReduce",
      List.of(MapReduceClauses.COMBINER_TRANSPARENT),
      "Write word count's combiner. The engine may run it on each map task's output zero, one or many times "
          + "before the shuffle; the counts must come out as they do without a combiner.",
      WordCountCombiner.class, org.bigdatalab.guide.exercises.solutions.WordCountCombiner.class,
      Combinators.combine(MapReduceGenerators.inputs(), MapReduceGenerators.splitSizes(), Arbitraries.integers().between(1, 3))
          .as(WordCountCase::new),
      (combiner, c, engines) -> clause(MapReduceClauses.COMBINER_TRANSPARENT, () -> {
        MapReduceJob<String, Long, String, Long> job = WordCount.builder().combiner(combiner)
            .numReducers(c.reducers()).maxSplitBytes(c.splitBytes()).build();
        List<List<KeyValue<String, Long>>> expected =
            MapReduceOracle.run(WordCount.builder().numReducers(c.reducers()).build(), c.files()).partitions();
        assertThat(run(engines.get("mr-sequential", MapReduceEngine.class), job, c.files()))
            .as("word counts with your combiner, part by part").isEqualTo(expected);
      }));

  static final Kata<Partitioner<String>, PartitionCase> PARTITIONER = new Kata<>("partitioner", "2. MapReduce",
      List.of(MapReduceClauses.PARTITIONER_RESPECTED, MapReduceClauses.RESULT_EQUALS_ORACLE),
      "Write word count's partitioner: it picks the reducer of each word. Every word must get a partition in "
          + "[0, reducers), always the same one, and the job's output must not change.",
      WordPartitioner.class, org.bigdatalab.guide.exercises.solutions.WordPartitioner.class,
      Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10).list().ofMinSize(1)
          .ofMaxSize(20), Arbitraries.integers().between(1, 5)).as(PartitionCase::new),
      (partitioner, c, engines) -> {
        MapReduceJob<String, Long, String, Long> job = WordCount.builder().partitioner(partitioner)
            .numReducers(c.reducers()).build();
        List<InputFile> files = List.of(new InputFile("words.txt", String.join(" ", c.words()) + "\n"));
        List<List<KeyValue<String, Long>>> parts = new ArrayList<>();
        clause(MapReduceClauses.PARTITIONER_RESPECTED, () -> {
          for (String word : c.words()) {
            int p = partitioner.partition(word, c.reducers());
            assertThat(p).as("partition of \"%s\" (hash code %d) among %d reducers", word, word.hashCode(), c.reducers())
                .isBetween(0, c.reducers() - 1);
            assertThat(partitioner.partition(word, c.reducers())).as("partition of \"%s\" asked again", word).isEqualTo(p);
          }
          parts.addAll(run(engines.get("mr-sequential", MapReduceEngine.class), job, files));
          for (int p = 0; p < parts.size(); p++) {
            for (KeyValue<String, Long> kv : parts.get(p)) {
              assertThat(partitioner.partition(kv.key(), c.reducers())).as("partition of \"%s\" found in part %d", kv.key(), p)
                  .isEqualTo(p);
            }
          }
        });
        clause(MapReduceClauses.RESULT_EQUALS_ORACLE, () ->
            assertThat(parts).as("word counts, part by part").isEqualTo(MapReduceOracle.run(job, files).partitions()));
      });

  static final Kata<SkewSpec.SaltingJob, SaltingCase> SALTING = new Kata<>("salting", "5. Skew and tuning",
      List.of(SkewClauses.SALTING_SAME_RESULT),
      "Finish a salted (two-phase) aggregation: phase one, given, spreads a hot key over salted keys and "
          + "aggregates each; write the rest so that count, sum, min and max per key equal the plain aggregation's.",
      TwoPhaseSalting.class, org.bigdatalab.guide.exercises.solutions.TwoPhaseSalting.class,
      Combinators.combine(SkewGenerators.inputs(0, 120, 50), Arbitraries.integers().between(1, 8),
          Arbitraries.integers().between(0, 5)).as(SaltingCase::new),
      (job, c, engines) -> clause(SkewClauses.SALTING_SAME_RESULT, () -> SkewSpec.assertSameAsPlain(
          engines.get("df-sequential", DataflowEngine.class), job, c.input(), c.salts(), c.partitions())));

  static final Kata<Aggregate<Click, ?, String>, SessionCase> SESSION_MEAN = new Kata<Aggregate<Click, ?, String>, SessionCase>(
      "session-mean",
      "6. Event time, watermarks and exactly-once",
      List.of(StreamingClauses.SESSION_MERGE, StreamingClauses.SESSION_EQUALS_ORACLE),
      "Write the merge of an incremental mean per user session. Each click opens a session of its own and the "
          + "engine merges a user's overlapping sessions (a late click can bridge two) by merging their accumulators: "
          + "the means must equal those of the sessions computed as a batch.",
      SessionMean.class, org.bigdatalab.guide.exercises.solutions.SessionMean.class,
      Combinators.combine(StreamingGenerators.bridging(), StreamingGenerators.sessions())
          .as((s, w) -> new SessionCase(s.withoutSessionTies(w), w)),
      (mean, c, engines) -> clause(StreamingClauses.SESSION_MERGE, () -> {
        StreamingJob<Click, ?, String> job = sessionJob(mean, c);
        assertThat(engines.get("stream-sequential", StreamingEngine.class).run(job, c.scenario().source()).finalValues())
            .as("mean per session").isEqualTo(StreamingOracle.expect(job, c.scenario().source()).finalValues());
      }));

  static final Kata<LambdaCut, LambdaCase> SPEED_CUT = new Kata<>("speed-cut", "11. Lambda and Kappa",
      List.of(LambdaClauses.SERVING_EQUALS_RECOMPUTE, LambdaClauses.BATCH_OVERRIDES_SPEED),
      "Draw the line between a Lambda pipeline's batch view and its realtime view: given what the last batch run "
          + "read, say which clicks the speed layer counts, so that a query (batch view plus realtime view) counts "
          + "every click once.",
      SpeedLayerCut.class, org.bigdatalab.guide.exercises.solutions.SpeedLayerCut.class,
      Combinators.combine(Arbitraries.longs().between(0, 30), Arbitraries.of("ann", "bob"), Arbitraries.longs().between(1, 9))
          .as(Click::new).list().ofMaxSize(10)
          .flatMap(clicks -> Arbitraries.integers().between(0, clicks.size()).map(read -> new LambdaCase(clicks, read))),
      (cut, c, engines) -> {
        ViewDefinition<Click> spend = ClickViews.spend();
        List<Click> batch = c.clicks().subList(0, c.batchRead());
        long latest = batch.stream().mapToLong(Click::time).max().orElse(Long.MIN_VALUE);
        List<Click> realtime = new ArrayList<>();
        for (int offset = 0; offset < c.clicks().size(); offset++) {
          if (cut.inRealtimeView(offset, c.clicks().get(offset), c.batchRead(), latest)) {
            realtime.add(c.clicks().get(offset));
          }
        }
        clause(LambdaClauses.SERVING_EQUALS_RECOMPUTE, () -> {
          Map<ViewKey, Long> query = new TreeMap<>(ClickViews.oracle(spend, batch));
          ClickViews.oracle(spend, realtime).forEach((k, v) -> query.merge(k, v, Long::sum));
          assertThat(query).as("batch view + realtime view (batch read %d of %d clicks)", c.batchRead(), c.clicks().size())
              .isEqualTo(ClickViews.oracle(spend, c.clicks()));
        });
        clause(LambdaClauses.BATCH_OVERRIDES_SPEED, () -> assertThat(realtime).as("clicks in the realtime view")
            .isEqualTo(c.clicks().subList(c.batchRead(), c.clicks().size())));
      });

  /** Every kata, in the guide's order. */
  public static List<Kata<?, ?>> all() {
    return List.of(COMBINER, PARTITIONER, SALTING, SESSION_MEAN, SPEED_CUT);
  }

  public static Optional<Kata<?, ?>> find(String name) {
    return all().stream().filter(k -> k.name().equals(name)).findFirst();
  }

  private static <A> StreamingJob<Click, A, String> sessionJob(Aggregate<Click, A, String> mean, SessionCase c) {
    return StreamingJob.of("session-mean", Click::parse, Click::user, Click::time, c.windows(), mean)
        .withOutOfOrderness(c.scenario().outOfOrderness());
  }

  /** Runs {@code job} on {@code files} in a scratch directory and reads its parts back. */
  private static <V> List<List<KeyValue<String, V>>> run(MapReduceEngine engine, MapReduceJob<String, V, String, V> job,
      List<InputFile> files) throws Exception {
    try (Scratch scratch = Scratch.create("kata")) {
      Path in = Files.createDirectories(scratch.resolve("in"));
      List<Path> inputs = new ArrayList<>();
      for (InputFile f : files) {
        inputs.add(f.writeTo(in));
      }
      Path out = scratch.resolve("out");
      engine.run(job, inputs, out);
      return JobOutput.read(out, job);
    }
  }
}
