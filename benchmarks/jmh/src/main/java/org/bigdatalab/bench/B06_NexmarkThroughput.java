package org.bigdatalab.bench;

import java.util.concurrent.TimeUnit;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.streaming.StreamingEngine;
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
 * Nexmark throughput on the in-process streaming engines: one invocation runs a query over the
 * whole generated stream (NexmarkData: `size` events, in memory), to the end of the input, from
 * one of two sources: `lines` (the parser runs once per event, as reading a text topic) or `typed`
 * (one ScriptedSource.Events step of parsed events, as reading a topic with a binary deserializer;
 * engines without a typed path read it as its lines), or `columns` (typed, and the bids' batch also
 * carries their time and auction columns, as a columnar deserializer fills them; the count declares
 * those fields, so an engine may read the columns instead of the events). events/s = the query's input
 * events / the time of one run. q0-q2 read every event, q5/q7/q11/count the bids (92%), q8 the
 * persons and auctions (8%).
 *
 * The engines' start-up is outside the clock (the engine is made in the trial's setup; the
 * parallel engine's shard threads live as long as it), as is making the input. The result count is
 * returned so the run is not optimized away. See B07 for the hand-written loop the windowed count
 * is compared with, B08 for latency, and benchmarks/RESULTS.md for the measured runs.
 *
 * Run directly (not through lab), give the forks lab's heap: -jvmArgsAppend "-Xms4096m -Xmx4096m";
 * without -Xms the heap grows through young collections that copy the outputs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class B06_NexmarkThroughput {

  @State(Scope.Benchmark)
  public static class Run {
    @Param("1M")
    public String size;

    @Param({"stream-sequential", "stream-parallel"})
    public String engine;

    @Param({"Q0", "Q1", "Q2", "Q5", "Q7", "Q8", "Q11", "COUNT"})
    public String query;

    @Param({"lines", "typed", "columns"})
    public String source;

    NexmarkData data;
    NexmarkBenchQuery q;
    StreamingEngine streaming;

    @Setup(Level.Trial)
    public void start() {
      data = NexmarkData.of(size);
      q = NexmarkBenchQuery.valueOf(query);
      streaming = EngineRegistry.load().create(engine, StreamingEngine.class, EngineOptions.NONE);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      streaming.close();
    }
  }

  @Benchmark
  public long measureEngine(Run run) throws Exception {
    return run.q.run(run.streaming, run.data, run.source);
  }
}
