package org.bigdatalab.dataflow.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionResult;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.DataflowFailedException;
import org.bigdatalab.dataflow.Fn;
import org.bigdatalab.dataflow.SkewClauses;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.Topic;

/**
 * {@code spark}: the dataflow SPI on Apache Spark's RDD API. Each action translates its plan into
 * RDDs ({@link RddPlanner}) and runs it as one Spark job group; metrics come from Spark's listener
 * events ({@link StageListener}). Embedded ({@code local[*]}) by default; {@code spark.master} and
 * any other {@code spark.*} option go to Spark's configuration.
 *
 * <p>Where Spark's RDD semantics and the SPI's words differ, the adapter says so rather than hide it:
 *
 * <ol>
 *   <li>{@code textFile(files, n)} is Spark's {@code textFile} with {@code minPartitions} n: at least
 *       n partitions, cut at byte offsets, not n slices of lines.
 *   <li>A union of two datasets already partitioned by the same hash partitioner has that
 *       partitioner's n partitions (Spark's partitioner-aware union), not 2n.
 *   <li>Stage metrics name a stage by Spark's call site, not by an SPI operation; task records are
 *       input plus shuffle records read (records of {@code parallelize} are not counted by Spark).
 *   <li>Adaptive skew-join splitting is declared unsupported (it lives in Spark SQL, not in RDDs).
 *   <li>An int/long columnar source is an RDD of boxed records (each slice copied into its partition), and a
 *       declared long aggregate is the reduceByKey it declares: the RDD API has no columnar path (that is
 *       Spark SQL's Tungsten), so the spec's results hold, and the speed is the RDD's.
 * </ol>
 *
 * <p>Only one Spark context may run in a JVM: close this engine before creating another.
 */
public final class SparkDataflow implements DataflowEngine {

  public static final EngineInfo INFO = EngineInfo.builder("spark", Topic.DATAFLOW)
      .kind(EngineInfo.Kind.REAL)
      .displayName("Apache Spark (RDD API)")
      .description("Spark 4 RDDs: local[*] by default, any master URL via spark.master.")
      .unsupported(SkewClauses.JOIN_SPLIT, "adaptive skew-join splitting is a Spark SQL (AQE) optimization;"
          + " the RDD API this adapter uses runs each join partition as one task")
      .build();

  /**
   * {@code spark@standalone}: the same adapter with {@code spark.master=spark://127.0.0.1:<port>}
   * on a standalone master and worker in JVMs of their own ({@link org.bigdatalab.spi.fork.SparkStandaloneJvm}), the
   * executors started by the worker, the job's classes reaching them only as {@code spark.jars}.
   */
  public static final EngineInfo ON_STANDALONE = INFO.on("standalone",
      "a standalone cluster (master, worker, executors in separate JVMs)", Map.of());

  private static final Pattern TASK = Pattern.compile("Task (\\d+) in stage (\\d+(?:\\.\\d+)?)");

  private final EngineInfo info;
  private final AutoCloseable cluster;
  private final JavaSparkContext sc;
  private final StageListener listener = new StageListener();
  private final Map<Long, JavaRDD<Object>> cached = new ConcurrentHashMap<>();

  public SparkDataflow(EngineOptions options) {
    this(options, INFO, null);
  }

  /**
   * @param info    {@link #INFO}, or the row of the deployment it runs on
   * @param cluster stopped after the context: the cluster this engine started, or null
   */
  SparkDataflow(EngineOptions options, EngineInfo info, AutoCloseable cluster) {
    this.info = info;
    this.cluster = cluster;
    String master = options.get("spark.master").orElse("local[*]");
    SparkConf conf = new SparkConf().setAppName("bigdata-lab").setMaster(master).set("spark.ui.enabled", "false");
    if (master.startsWith("local")) {
      // embedded: no network beyond the loopback; a cluster's executors must reach the driver's real address
      conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    }
    options.values().forEach((k, v) -> {
      if (k.startsWith("spark.")) {
        conf.set(k, v);
      }
    });
    this.sc = new JavaSparkContext(conf);
    sc.setLogLevel(options.get("log.level").orElse("ERROR"));
    sc.sc().addSparkListener(listener);
  }

  @Override public EngineInfo info() { return info; }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <R> ActionResult<R> execute(Action<R> action) throws DataflowFailedException {
    String group = "action-" + UUID.randomUUID();
    listener.begin(group);
    sc.setJobGroup(group, action.getClass().getSimpleName(), false);
    try {
      JavaRDD<Object> rdd = new RddPlanner(sc, cached).rdd(action.plan());
      Object value = run(action, rdd);
      awaitListenerEvents();
      return new ActionResult<>((R) value, listener.metrics());
    } catch (DataflowFailedException e) {
      throw e;
    } catch (Exception e) {
      // SparkException is checked in Java's eyes but thrown undeclared by Scala code: catch it here
      throw failed(e);
    } finally {
      sc.clearJobGroup();
    }
  }

  /** Spark delivers listener events asynchronously; the action's metrics are complete once its events are in. */
  private void awaitListenerEvents() {
    try {
      sc.sc().listenerBus().waitUntilEmpty();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain; metrics would be incomplete", e);
    }
  }

  private Object run(Action<?> action, JavaRDD<Object> rdd) throws DataflowFailedException {
    if (action instanceof Action.Collect<?>) {
      return new ArrayList<>(rdd.collect());
    }
    if (action instanceof Action.CollectPartitions<?>) {
      List<List<Object>> parts = new ArrayList<>();
      rdd.glom().collect().forEach(p -> parts.add(new ArrayList<>(p)));
      return parts;
    }
    if (action instanceof Action.Count) {
      return rdd.count();
    }
    if (action instanceof Action.Reduce<?> r) {
      Fn.Combine<Object> f = r.f();
      return rdd.mapPartitions(it -> {
        Object acc = null;
        while (it.hasNext()) {
          Object x = it.next();
          acc = acc == null ? x : f.apply(acc, x);
        }
        return acc == null ? List.<Object>of().iterator() : List.of(acc).iterator();
      }).collect().stream().reduce(f);
    }
    if (action instanceof Action.Take<?> t) {
      return new ArrayList<>(rdd.take(t.n()));
    }
    if (action instanceof Action.Save s) {
      return save(rdd, Path.of(s.dir()));
    }
    throw new IllegalArgumentException("unknown action " + action);
  }

  /** saveAsTextFile commits through Hadoop's FileOutputCommitter; on failure the directory it created is removed too. */
  private long save(JavaRDD<Object> rdd, Path dir) throws DataflowFailedException {
    if (Files.exists(dir)) {
      throw new DataflowFailedException("save: output directory " + dir + " exists",
          new java.nio.file.FileAlreadyExistsException(dir.toString()));
    }
    LongAccumulator written = sc.sc().longAccumulator("records written");
    try {
      rdd.map(x -> {
        written.add(1);
        return x;
      }).saveAsTextFile(dir.toUri().toString());
      return written.value();
    } catch (Exception e) {
      awaitTasksEnded();
      deleteQuietly(dir);
      throw failed(e);
    }
  }

  /**
   * When one task fails a job, Spark kills its other tasks asynchronously, and a save task that is
   * still running (or just starting) creates its attempt directory under the output: deleting the
   * output before they end can leave it behind (seen once in the matrix). So cancel this action's
   * jobs and wait, within a bound, until none of their tasks is active.
   */
  private void awaitTasksEnded() {
    String group = sc.getLocalProperty("spark.jobGroup.id");
    if (group == null) {
      return;
    }
    sc.cancelJobGroup(group);
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      awaitListenerEvents();
      if (activeTasks(group) == 0) {
        return;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private int activeTasks(String group) {
    int active = 0;
    for (int job : sc.statusTracker().getJobIdsForGroup(group)) {
      org.apache.spark.SparkJobInfo info = sc.statusTracker().getJobInfo(job);
      for (int stage : info == null ? new int[0] : info.stageIds()) {
        org.apache.spark.SparkStageInfo stageInfo = sc.statusTracker().getStageInfo(stage);
        active += stageInfo == null ? 0 : stageInfo.numActiveTasks();
      }
    }
    return active;
  }

  /** Spark's "Task 3 in stage 7.0 failed" becomes "stage 7.0 partition 3" (a task's index is its partition's). */
  private static DataflowFailedException failed(Exception e) {
    if (e instanceof DataflowFailedException d) {
      return d;
    }
    String where = "stage ? partition ?";
    for (Throwable t = e; t != null; t = t.getCause()) {
      Matcher m = TASK.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        where = "stage " + m.group(2) + " partition " + m.group(1);
        break;
      }
    }
    Throwable cause = e;
    while (cause.getCause() != null && cause.getClass().getName().equals("org.apache.spark.SparkException")) {
      cause = cause.getCause();
    }
    return new DataflowFailedException(where + " failed: " + firstLine(e.getMessage()), cause);
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message);
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // nothing more to do
    }
  }

  @Override
  public void close() throws java.io.IOException {
    cached.clear();
    sc.stop();
    if (cluster != null) {
      try {
        cluster.close();
      } catch (Exception e) {
        throw new java.io.IOException("spark: stopping the cluster it started failed: " + e.getMessage(), e);
      }
    }
  }

}
