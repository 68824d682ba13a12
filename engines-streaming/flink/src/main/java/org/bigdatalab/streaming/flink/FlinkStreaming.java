package org.bigdatalab.streaming.flink;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.datastream.WindowedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.streaming.RunOptions;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingClauses;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingFailedException;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;

/**
 * {@code flink}: the job as a Flink DataStream program, submitted to one MiniCluster that the
 * engine starts on first use and keeps until {@link #close()}. The program, and why it matches the
 * SPI's rules:
 * <ol>
 *   <li>Source: the script's steps, bounded ({@code fromData}), with a punctuated
 *       {@code WatermarkGenerator} that follows the script (largest timestamp − bound after each
 *       event, scripted watermark steps as given); timestamps are the events' own. Idle steps are
 *       records that the parse step drops: no processing-time timer or periodic watermark exists.</li>
 *   <li>Parse: a {@code ProcessFunction}; lines the parser refuses go to a dead-letter side output.</li>
 *   <li>{@code keyBy} the job's key; {@code TumblingEventTimeWindows}, {@code SlidingEventTimeWindows}
 *       or {@code EventTimeSessionWindows}; {@code allowedLateness}; {@code sideOutputLateData} for
 *       events beyond it; an {@code AggregateFunction} wrapping the SPI aggregate.</li>
 *   <li>Triggers: final results fire once at end + lateness; updates use Flink's event-time trigger
 *       (on time, then once per late event), which marks late firings in the window's state.</li>
 *   <li>The SPI's watermark W is Flink's W − 1 (Flink's watermark t excludes timestamps ≤ t).</li>
 *   <li>Results, watermarks, late events and dead letters are appended to in-JVM lists by the
 *       tasks ({@link Runs}), which is why only the embedded MiniCluster is supported.</li>
 * </ol>
 */
public class FlinkStreaming implements StreamingEngine {

  static final EngineInfo INFO = EngineInfo.builder("flink", Topic.STREAMING)
      .kind(EngineInfo.Kind.REAL)
      .displayName("Apache Flink (local MiniCluster)")
      .description("Flink 2 DataStream job (event-time windows, allowed lateness, late side output) on an embedded MiniCluster")
      .unsupported(StreamingClauses.EXACTLY_ONCE,
          "the adapter does not inject crashes: Flink's checkpoints are triggered by wall-clock timers and aligned"
              + " by barriers, so a checkpoint after every N source steps and a crash before a given step need a"
              + " checkpointed source that blocks on the script and a failing-then-restoring run, not built yet")
      .build();

  private static final String EXECUTOR = "bigdatalab-minicluster";

  private final EngineOptions options;
  private MiniCluster cluster;

  public FlinkStreaming() { this(EngineOptions.NONE); }

  public FlinkStreaming(EngineOptions options) {
    this.options = options;
    if (options.get("jobmanager.address").isPresent() || options.get("rest.address").isPresent()) {
      throw new IllegalArgumentException("flink runs on its own embedded MiniCluster only: results are collected"
          + " in this JVM, so a remote cluster (jobmanager.address, rest.address) is not supported");
    }
  }

  @Override
  public EngineInfo info() { return INFO; }

  @Override
  public <T, A, R> StreamingResult<R> run(StreamingJob<T, A, R> job, ScriptedSource source, RunOptions runOptions)
      throws StreamingFailedException {
    if (runOptions.crashes()) {
      throw new UnsupportedOperationException(INFO.unsupported().get(StreamingClauses.EXACTLY_ONCE));
    }
    boolean updates = job.mode() == StreamingJob.OutputMode.UPDATES;
    if (updates && job.windows() instanceof Windows.Session) {
      throw new UnsupportedOperationException("flink runs session windows in final-results mode only:"
          + " merging windows have no per-window state to tell late firings from on-time ones");
    }
    String runId = UUID.randomUUID().toString();
    Runs.Sink sink = Runs.open(runId);
    try {
      StreamExecutionEnvironment env = environment();
      List<Tuple3<Integer, Integer, String>> steps = new ArrayList<>();
      for (int i = 0; i < source.steps().size(); i++) {
        ScriptedSource.Step step = source.steps().get(i);
        if (step instanceof ScriptedSource.Line line) {
          steps.add(Tuple3.of(i, Functions.LINE, line.text()));
        } else if (step instanceof ScriptedSource.Watermark w) {
          steps.add(Tuple3.of(i, Functions.WATERMARK, Long.toString(w.time())));
        } else if (step instanceof ScriptedSource.Idle idle) {
          steps.add(Tuple3.of(i, Functions.IDLE, Long.toString(idle.millis())));
        }
      }
      TypeInformation<Tuple3<Integer, Integer, String>> stepType = Types.TUPLE(Types.INT, Types.INT, Types.STRING);
      var parser = job.parser();
      var timestamp = job.timestamp();
      long bound = job.outOfOrderness();
      WatermarkStrategy<Tuple3<Integer, Integer, String>> watermarks = WatermarkStrategy
          .<Tuple3<Integer, Integer, String>>forGenerator(ctx -> new Functions.ScriptWatermarks<>(runId, parser, timestamp, bound))
          .withTimestampAssigner(ctx -> new Functions.EventTime<>(parser, timestamp));
      DataStream<Tuple3<Integer, Integer, String>> input = steps.isEmpty()
          ? env.fromData(List.of(Tuple3.of(-1, Functions.IDLE, "0")), stepType)
          : env.fromData(steps, stepType);
      SingleOutputStreamOperator<Tuple2<Integer, String>> parsed = input.assignTimestampsAndWatermarks(watermarks)
          .process(new Functions.Parse<>(parser), Types.TUPLE(Types.INT, Types.STRING)).name("parse");

      WindowedStream<Tuple2<Integer, String>, String, TimeWindow> windowed = parsed
          .keyBy(new Functions.KeyOf<>(parser, job.key()), Types.STRING)
          .window(assigner(job.windows()))
          .allowedLateness(Duration.ofMillis(job.allowedLateness()))
          .sideOutputLateData(Functions.LATE)
          .trigger(updates ? new Functions.UpdatesTrigger() : new Functions.FinalTrigger(job.allowedLateness()));
      TypeInformation<Object> anything = TypeInformation.of(Object.class);
      SingleOutputStreamOperator<Object> results = windowed.aggregate(new Functions.Agg<>(parser, job.aggregate()),
          new Functions.Emit(runId, updates), anything, anything, anything).name("window");
      results.sinkTo(new DiscardingSink<>()).name("results");
      results.getSideOutput(Functions.LATE).process(new Functions.CollectLate<>(runId, parser, job.key()), anything)
          .name("late").sinkTo(new DiscardingSink<>());
      parsed.getSideOutput(Functions.DEAD).process(new Functions.CollectDead(runId), anything)
          .name("dead-letters").sinkTo(new DiscardingSink<>());

      env.execute(job.name());
      sink.watermarks.add(Long.MAX_VALUE); // the end of a bounded input: Flink's MAX_WATERMARK
      @SuppressWarnings("unchecked")
      List<WindowResult<R>> out = (List<WindowResult<R>>) (List<?>) new ArrayList<>(sink.results);
      return new StreamingResult<>(out, dedupe(sink.watermarks), sink.late, 0, sink.dead, 0);
    } catch (UnsupportedOperationException e) {
      throw e;
    } catch (Exception e) {
      throw new StreamingFailedException("flink job " + job.name() + " failed: " + rootCause(e), e);
    } finally {
      Runs.close(runId);
    }
  }

  private static List<Long> dedupe(List<Long> marks) {
    List<Long> out = new ArrayList<>();
    synchronized (marks) {
      for (Long m : marks) {
        if (out.isEmpty() || out.get(out.size() - 1) < m) {
          out.add(m);
        }
      }
    }
    return out;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  static WindowAssigner<Object, TimeWindow> assigner(Windows windows) {
    if (windows instanceof Windows.Tumbling t) {
      return TumblingEventTimeWindows.of(Duration.ofMillis(t.size()));
    } else if (windows instanceof Windows.Sliding s) {
      return SlidingEventTimeWindows.of(Duration.ofMillis(s.size()), Duration.ofMillis(s.slide()));
    } else {
      return EventTimeSessionWindows.withGap(Duration.ofMillis(((Windows.Session) windows).gap()));
    }
  }

  /** An environment that submits to this engine's MiniCluster, parallelism 1, no restarts (a failing function fails the run). */
  private StreamExecutionEnvironment environment() throws Exception {
    MiniCluster mini = cluster();
    Configuration conf = new Configuration();
    conf.set(DeploymentOptions.TARGET, EXECUTOR);
    conf.set(DeploymentOptions.ATTACHED, true);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    conf.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ZERO);
    PipelineExecutorServiceLoader loader = new PipelineExecutorServiceLoader() {
      @Override
      public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
        return new PipelineExecutorFactory() {
          @Override public String getName() { return EXECUTOR; }
          @Override public boolean isCompatibleWith(Configuration c) { return true; }
          @Override public PipelineExecutor getExecutor(Configuration c) { return (pipeline, config, classLoader) -> submit(mini, pipeline, config, classLoader); }
        };
      }

      @Override public Stream<String> getExecutorNames() { return Stream.of(EXECUTOR); }
    };
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(loader, conf, FlinkStreaming.class.getClassLoader());
    env.setParallelism(1);
    return env;
  }

  private static CompletableFuture<JobClient> submit(MiniCluster mini, org.apache.flink.api.dag.Pipeline pipeline,
      Configuration config, ClassLoader classLoader) throws Exception {
    StreamGraph graph = PipelineExecutorUtils.getStreamGraph(pipeline, config);
    return mini.submitJob(graph).thenApply(r -> (JobClient) new MiniClusterJobClient(r.getJobID(), mini, classLoader,
        MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
  }

  private synchronized MiniCluster cluster() throws Exception {
    if (cluster == null) {
      Configuration conf = new Configuration();
      options.values().forEach((k, v) -> {
        if (!k.startsWith("flink.")) {
          conf.setString(k, v);
        }
      });
      if (!options.values().containsKey(TaskManagerOptions.NUM_TASK_SLOTS.key())) {
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, options.getInt("flink.slots", 2));
      }
      MiniCluster mini = new MiniCluster(new MiniClusterConfiguration.Builder()
          .setConfiguration(conf)
          .setNumTaskManagers(1)
          .setNumSlotsPerTaskManager(conf.get(TaskManagerOptions.NUM_TASK_SLOTS))
          .withRandomPorts()
          .build());
      mini.start();
      cluster = mini;
    }
    return cluster;
  }

  @Override
  public synchronized void close() throws IOException {
    if (cluster != null) {
      try {
        cluster.closeAsync().get();
      } catch (Exception e) {
        throw new IOException("closing the Flink MiniCluster: " + e, e);
      } finally {
        cluster = null;
      }
    }
  }
}
