package org.bigdatalab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.KeyValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Word count on every MapReduce engine, on the same Zipf corpus as B01's hand-written loop.
 *
 * One invocation is one whole job as a user runs it: plan splits, map with the combiner, shuffle,
 * sort, reduce, commit part files and _SUCCESS into a fresh output directory. The corpus is
 * generated once per size and seed (cached under target/bench-data/, see BenchData); making and
 * deleting the output directory happen outside the timed region.
 *
 * Every engine gets the same job: WordCount.withCombiner with one reducer per core and about four
 * splits per core (BenchData.splitBytes; with the SPI's 32 MB default a 16 MB corpus would be one
 * map task, and a parallel engine would have nothing to run in parallel).
 *
 * The wrong way to benchmark an engine is to time it and trust the output. An engine that drops a
 * spill or a split runs faster; so after every invocation the output is read back and compared
 * with B01's hand-written counts (themselves checked against WordCount in BenchSmokeTest), and a
 * mismatch fails the run. A fast wrong answer is not a result.
 *
 * The score is time per job; BenchRunner turns it into MB/s and a ratio to B01.measureRight in
 * the same run. Measured with lab bench (2 vCPUs shared with other builds, load 3-7, JDK 17; the
 * engines as of this commit; mr-hadoop = LocalJobRunner in the JMH fork; one run per size):
 *                       16MB              128MB             512MB
 *   hand-written        55.3 MB/s  1.00   106.0 MB/s 1.00   80.9 MB/s  1.00
 *   hand-written map    13.9       0.25   18.9       0.18   15.2       0.19
 *   mr-parallel (2 t)   10.4       0.19   22.4       0.21    8.7       0.11
 *   mr-sequential        3.9       0.07    2.7       0.03    1.8       0.02
 *   mr-hadoop (2 t)      0.66      0.012   0.87      0.008   (not run: ~10 min per job)
 * Both engines were far below the hand-written loop: per word they decoded a String, boxed a Long,
 * serialised, sorted and merged; word count is the job where per-record overhead shows most.
 * Since 2026-12-06 mr-parallel runs this job as the loop does (issue 15): the job declares its
 * mapper (WordCountMapper) and its sum (LongSumReducer), so ASCII lines are cut into words from
 * their bytes and counted in an open-addressing table per task, each distinct word reaching the
 * sort buffer once per table, and string keys are sorted by their UTF-8 bytes. Later figures are
 * in benchmarks/RESULTS.md.
 *
 * Engines come from EngineRegistry, so an engine module on the class path is benchmarked too.
 * An engine id that is not registered fails its own trial with a message and nothing else.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class B02_WordCountEngines {

  @Param({"mr-sequential", "mr-parallel", "mr-hadoop"})
  public String engine;

  @Param("16MB")
  public String size;

  private Path corpus;
  private MapReduceEngine mr;
  private MapReduceJob<String, Long, String, Long> job;
  private Map<String, Long> expected;
  private Path output;

  @Setup(Level.Trial)
  public void start() throws IOException {
    EngineRegistry registry = EngineRegistry.load();
    if (registry.find(engine).isEmpty()) {
      throw new IllegalStateException("engine '" + engine + "' is not on the class path; registered: "
          + registry.engines().stream().map(i -> i.id()).toList());
    }
    corpus = BenchData.zipfCorpus(size);
    mr = registry.create(engine, MapReduceEngine.class, EngineOptions.NONE);
    job = WordCount.builder().combiner(WordCount.SUM).numReducers(BenchData.reducers())
        .maxSplitBytes(BenchData.splitBytes(java.nio.file.Files.size(corpus))).build();
    expected = B01_WordCountBaseline.countRight(corpus).toMap();
  }

  @Setup(Level.Invocation)
  public void freshOutput() throws IOException {
    output = BenchData.freshOutput("wordcount-");
  }

  @Benchmark
  public JobResult measureEngine() throws JobFailedException {
    return mr.run(job, List.of(corpus), output);
  }

  @TearDown(Level.Invocation)
  public void checkAndDelete() {
    try {
      Map<String, Long> actual = new HashMap<>(expected.size() * 2);
      for (List<KeyValue<String, Long>> part : JobOutput.read(output, job)) {
        for (KeyValue<String, Long> kv : part) {
          if (actual.put(kv.key(), kv.value()) != null) {
            throw new IllegalStateException(engine + " wrote the word '" + kv.key() + "' twice (wordcount, "
                + size + ", seed " + BenchData.SEED + ")");
          }
        }
      }
      if (!actual.equals(expected)) {
        String differs = expected.keySet().stream().filter(w -> !Objects.equals(expected.get(w), actual.get(w)))
            .findFirst().orElseGet(() -> actual.keySet().stream().filter(w -> !expected.containsKey(w)).findFirst().orElse("?"));
        throw new IllegalStateException(engine + " counted wrong (wordcount, " + size + ", seed " + BenchData.SEED
            + "): word '" + differs + "' expected " + expected.get(differs) + ", got " + actual.get(differs)
            + "; " + actual.size() + " words vs " + expected.size() + " expected");
      }
    } finally {
      BenchData.deleteRunDir(output);
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    if (mr != null) {
      mr.close();
    }
  }
}

/*
 * How to run (from the repository root):
 *   ./lab bench --workload wordcount --size 128MB                      (with B01 and ratios)
 *   ./lab bench --workload wordcount --size full --engines mr-parallel,mr-hadoop
 * or this file alone, with JMH's own runner:
 *   ./mvnw -q -pl benchmarks/lab -am install -DskipTests
 *   java $(sed -n 's/^jvm.flags=//p' spec-tests/spi/target/classes/bigdatalab-engine-jvm.properties) \
 *       -cp "benchmarks/jmh/target/classes:$(cat benchmarks/lab/target/lab.classpath)" org.openjdk.jmh.Main \
 *       B02_WordCountEngines -p engine=mr-sequential,mr-parallel -p size=16MB,128MB
 */
