package org.bigdatalab.streaming.flink;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
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
import org.bigdatalab.streaming.StatelessJob;
import org.bigdatalab.streaming.StatelessResult;
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
 *   <li>Source: the script's steps, from a checkpointed {@link StepSource} (its split is the range of
 *       steps still to read), then a punctuated {@code WatermarkGenerator} that follows the script
 *       (largest timestamp − bound after each event, scripted watermark steps as given); timestamps
 *       are the events' own. Idle steps are records that the parse step drops: no processing-time
 *       timer or periodic watermark exists.</li>
 *   <li>Parse: a {@code ProcessFunction}; lines the parser refuses go to a dead-letter side output.</li>
 *   <li>{@code keyBy} the job's key; {@code TumblingEventTimeWindows}, {@code SlidingEventTimeWindows}
 *       or {@code EventTimeSessionWindows}; {@code allowedLateness}; {@code sideOutputLateData} for
 *       events beyond it; an {@code AggregateFunction} wrapping the SPI aggregate.</li>
 *   <li>Triggers: final results fire once at end + lateness; updates use Flink's event-time trigger
 *       (on time, then once per late event), which marks late firings in the window's state.</li>
 *   <li>The SPI's watermark W is Flink's W − 1 (Flink's watermark t excludes timestamps ≤ t).</li>
 *   <li>Results, late events and dead letters meet in one two-phase sink ({@link CommitOnCheckpoint})
 *       that publishes them to in-JVM lists ({@link Runs}) when a checkpoint completes; watermarks are
 *       recorded by the generator. On a remote cluster ({@link RemoteCluster}) Flink's collect sink
 *       brings the outputs back instead.</li>
 *   <li>Crashes ({@link RunOptions}): exactly-once aligned checkpoints every {@code checkpointEvery}
 *       steps (the source pauses at each boundary until its checkpoint completes), a function that
 *       throws once before the crash step ({@link CrashOnce}), and a fixed-delay restart strategy
 *       with no delay that restores the last completed checkpoint.</li>
 * </ol>
 */
public class FlinkStreaming implements StreamingEngine {

  static final EngineInfo INFO = EngineInfo.builder("flink", Topic.STREAMING)
      .kind(EngineInfo.Kind.REAL)
      .displayName("Apache Flink (local MiniCluster)")
      .description("Flink 2 DataStream job (event-time windows, allowed lateness, late side output) on an embedded MiniCluster")
      .build();

  private static final String EXECUTOR = "bigdatalab-minicluster";

  private final EngineOptions options;
  private final RemoteCluster remote;
  private MiniCluster cluster;

  public FlinkStreaming() { this(EngineOptions.NONE); }

  /** Options: Flink configuration keys for the MiniCluster, {@code flink.slots}; or a remote cluster, see {@link RemoteCluster}. */
  public FlinkStreaming(EngineOptions options) {
    this.options = options;
    this.remote = RemoteCluster.from(options);
  }

  @Override
  public EngineInfo info() { return INFO; }

  @Override
  public <T, A, R> StreamingResult<R> run(StreamingJob<T, A, R> job, ScriptedSource source, RunOptions runOptions)
      throws StreamingFailedException {
    boolean updates = job.mode() == StreamingJob.OutputMode.UPDATES;
    if (updates && job.windows() instanceof Windows.Session) {
      throw new UnsupportedOperationException("flink runs session windows in final-results mode only:"
          + " merging windows have no per-window state to tell late firings from on-time ones");
    }
    String runId = UUID.randomUUID().toString();
    Runs.Sink sink = remote == null ? Runs.open(runId) : null;
    try {
      StreamExecutionEnvironment env = remote == null ? environment(runOptions) : remote.environment(jobConfiguration(runOptions));
      List<Tuple3<Integer, Integer, String>> steps = new ArrayList<>();
      for (int i = 0; i < source.steps().size(); i++) {
        ScriptedSource.Step step = source.steps().get(i);
        if (step instanceof ScriptedSource.Line line) {
          steps.add(Tuple3.of(i, Functions.LINE, line.text()));
        } else if (step instanceof ScriptedSource.Events<?> batch) {
          for (int e = 0; e < batch.size(); e++) { // no typed path: the lines the batch stands for
            steps.add(Tuple3.of(i, Functions.LINE, batch.line(e)));
          }
        } else if (step instanceof ScriptedSource.Watermark w) {
          steps.add(Tuple3.of(i, Functions.WATERMARK, Long.toString(w.time())));
        } else if (step instanceof ScriptedSource.Idle idle) {
          steps.add(Tuple3.of(i, Functions.IDLE, Long.toString(idle.millis())));
        }
      }
      TypeInformation<Tuple3<Integer, Integer, String>> stepType = Types.TUPLE(Types.INT, Types.INT, Types.STRING);
      if (steps.isEmpty()) {
        steps.add(Tuple3.of(-1, Functions.IDLE, "0"));
      }
      var parser = job.parser();
      var timestamp = job.timestamp();
      var rule = new Functions.ScriptWatermarks.Rule<>(parser, timestamp, job.outOfOrderness());
      String recordWatermarksTo = sink == null ? null : runId;
      WatermarkStrategy<Tuple3<Integer, Integer, String>> watermarks = WatermarkStrategy
          .<Tuple3<Integer, Integer, String>>forGenerator(ctx -> new Functions.ScriptWatermarks<>(recordWatermarksTo, rule))
          .withTimestampAssigner(ctx -> new Functions.EventTime<>(parser, timestamp));
      DataStream<Tuple3<Integer, Integer, String>> input = env.fromSource(
          new StepSource(steps, runOptions.checkpointEvery(), rule), WatermarkStrategy.noWatermarks(), "script", stepType);
      if (runOptions.crashes()) {
        input = input.map(new CrashOnce(runOptions.crashBeforeStep()), stepType).name("crash-once");
      }
      SingleOutputStreamOperator<Tuple2<Integer, String>> parsed = input.assignTimestampsAndWatermarks(watermarks)
          .process(new Functions.Parse<>(parser), Types.TUPLE(Types.INT, Types.STRING)).name("parse");

      // tag::guide-window[] (shown in the study guide)
      WindowedStream<Tuple2<Integer, String>, String, TimeWindow> windowed = parsed
          .keyBy(new Functions.KeyOf<>(parser, job.key()), Types.STRING)
          .window(assigner(job.windows()))
          .allowedLateness(Duration.ofMillis(job.allowedLateness()))
          .sideOutputLateData(Functions.LATE)
          .trigger(updates ? new Functions.UpdatesTrigger() : new Functions.FinalTrigger(job.allowedLateness()));
      // end::guide-window[]
      TypeInformation<Object> anything = TypeInformation.of(Object.class);
      SingleOutputStreamOperator<Object> results = windowed.aggregate(new Functions.Agg<>(parser, job.aggregate()),
          new Functions.Emit(updates), anything, anything, anything).name("window");
      DataStream<Object> late = results.getSideOutput(Functions.LATE)
          .process(new Functions.CollectLate<>(parser, job.key()), anything).name("late");
      DataStream<Object> dead = parsed.getSideOutput(Functions.DEAD)
          .process(new Functions.CollectDead(), anything).name("dead-letters");
      DataStream<Object> outputs = results.union(late, dead);
      if (remote != null) {
        return remote.run(env, outputs, job.name(), rule, steps);
      }
      outputs.transform("commit", Types.VOID, new CommitOnCheckpoint(runId, runOptions.checkpointEvery() > 0));
      JobExecutionResult done = env.execute(job.name());
      sink.watermarks.add(Long.MAX_VALUE); // the end of a bounded input: Flink's MAX_WATERMARK
      @SuppressWarnings("unchecked")
      List<WindowResult<R>> out = (List<WindowResult<R>>) (List<?>) new ArrayList<>(sink.results);
      return new StreamingResult<>(out, dedupe(sink.watermarks), sink.late, 0, sink.dead, CrashOnce.restarts(done));
    } catch (UnsupportedOperationException e) {
      throw e;
    } catch (Exception e) {
      throw new StreamingFailedException("flink job " + job.name() + " failed: " + rootCause(e), e);
    } finally {
      if (sink != null) {
        Runs.close(runId);
      }
    }
  }

  /** A stateless job on the same MiniCluster: see {@link FlinkStateless}. */
  @Override
  public <T, R> StatelessResult<R> runStateless(StatelessJob<T, R> job, ScriptedSource source)
      throws StreamingFailedException {
    if (remote != null) {
      throw new UnsupportedOperationException("flink runs stateless jobs on its embedded MiniCluster only:"
          + " their outputs are collected in this JVM");
    }
    try {
      return FlinkStateless.run(environment(RunOptions.NONE), job, source, UUID.randomUUID().toString());
    } catch (Exception e) {
      throw new StreamingFailedException("flink job " + job.name() + " failed: " + rootCause(e), e);
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

  /**
   * An environment that submits to this engine's MiniCluster, parallelism 1. Without an injected
   * crash there are no restarts (a failing user function fails the run); with one, a fixed-delay
   * restart strategy with no delay restores the last completed checkpoint once. Checkpoints are
   * exactly-once (aligned barriers); the short interval only sets how soon the source, paused at
   * each boundary ({@link StepSource}), gets its checkpoint.
   */
  StreamExecutionEnvironment environment(RunOptions run) throws Exception {
    MiniCluster mini = cluster();
    Configuration conf = jobConfiguration(run);
    conf.set(DeploymentOptions.TARGET, EXECUTOR);
    conf.set(DeploymentOptions.ATTACHED, true);
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

  /** Restarts, checkpoints and watermarks of a run, on the MiniCluster or a remote cluster. */
  private static Configuration jobConfiguration(RunOptions run) {
    Configuration conf = new Configuration();
    if (run.crashes()) {
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
    } else {
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    }
    if (run.checkpointEvery() > 0) {
      conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(10));
      conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    }
    conf.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ZERO);
    return conf;
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
