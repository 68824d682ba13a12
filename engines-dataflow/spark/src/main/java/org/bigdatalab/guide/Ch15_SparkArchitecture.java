package org.bigdatalab.guide;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/*
 * Why: the seed draws Spark as a driver above three executors running tasks. That is the right
 * shape, but it leaves out who starts the executors (a cluster manager), and it says nothing of how
 * one line of code becomes jobs, stages and tasks, which is what an interviewer asks next. Spark
 * reports all of it to listeners on its scheduler's event bus, so this program asks Spark itself.
 *
 * How: a SparkListener records the events (executor added, job start with its stages, stage
 * submitted, task end with its executor and metrics, job end). A word count in the RDD API, with 4
 * input partitions and 2 reduce partitions, runs two actions; the second finds its shuffle output
 * already written and skips a stage. Then sortBy shows a transformation that runs a job of its own.
 * It lives in the spark module because it is written in Spark's API; the guide runs it in a JVM with
 * that module's class path (GuideRenderer.Program.forked by class name). Durations are not printed:
 * they change with every run, and the structure does not.
 */
public final class Ch15_SparkArchitecture {
  private Ch15_SparkArchitecture() {}

  static final List<String> LINES = List.of(
      "the driver plans the job", "executors run the tasks", "a shuffle ends a stage",
      "the driver collects the result", "tasks run where the data is", "the cluster manager starts executors",
      "a stage is a set of tasks", "one task per partition");

  // tag::listener[]
  /** What the scheduler told its listeners, in the order it told them. */
  static final class Events extends SparkListener {
    final List<String> executors = new CopyOnWriteArrayList<>();
    final Map<Integer, List<StageInfo>> stagesOfJob = new ConcurrentHashMap<>();
    final Map<Integer, StageInfo> submitted = new ConcurrentHashMap<>();
    /** stage id -> executor id -> tasks run there. */
    final Map<Integer, Map<String, Integer>> tasksOn = new ConcurrentHashMap<>();
    final Map<Integer, long[]> recordsOfStage = new ConcurrentHashMap<>();   // read, shuffle read, shuffle written
    final Map<Integer, String> jobResult = new ConcurrentHashMap<>();

    @Override public void onExecutorAdded(SparkListenerExecutorAdded e) {
      executors.add(e.executorId() + " on " + e.executorInfo().executorHost() + ", " + e.executorInfo().totalCores() + " cores");
    }

    @Override public void onJobStart(SparkListenerJobStart e) {
      stagesOfJob.put(e.jobId(), new ArrayList<>(CollectionConverters.asJava(e.stageInfos())));
    }

    @Override public void onStageSubmitted(SparkListenerStageSubmitted e) {
      submitted.put(e.stageInfo().stageId(), e.stageInfo());
    }

    @Override public void onTaskEnd(SparkListenerTaskEnd e) {
      tasksOn.computeIfAbsent(e.stageId(), s -> new ConcurrentHashMap<>()).merge(e.taskInfo().executorId(), 1, Integer::sum);
      long[] r = recordsOfStage.computeIfAbsent(e.stageId(), s -> new long[3]);
      synchronized (r) {
        r[0] += e.taskMetrics().inputMetrics().recordsRead();
        r[1] += e.taskMetrics().shuffleReadMetrics().recordsRead();
        r[2] += e.taskMetrics().shuffleWriteMetrics().recordsWritten();
      }
    }

    @Override public void onJobEnd(SparkListenerJobEnd e) {
      jobResult.put(e.jobId(), e.jobResult().toString());
    }
  }
  // end::listener[]

  public static void main(String[] args) {
    run(System.out);
  }

  public static void run(PrintStream out) {
    Events events = new Events();
    // tag::driver[]
    SparkSession spark = SparkSession.builder().appName("ch15-architecture")
        .master("local[4]")                       // the driver's JVM hosts one executor with 4 task slots
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    sc.sc().addSparkListener(events);
    // end::driver[]
    sc.setLogLevel("ERROR");
    try {
      out.printf("driver: application %s, master %s, default parallelism %d%n", sc.sc().applicationId(),
          sc.master(), sc.defaultParallelism());
      out.printf("executors: %s (in local mode the executor lives in the driver's JVM; on a cluster, the cluster"
          + " manager starts one JVM per executor)%n", executorsOf(sc));

      // tag::job[]
      JavaRDD<String> lines = sc.parallelize(LINES, 4);                                // 4 partitions: 4 tasks
      JavaPairRDD<String, Integer> counts = lines
          .flatMap(line -> Arrays.asList(line.split(" ")).iterator())                  // narrow: same stage
          .mapToPair(word -> new Tuple2<>(word, 1))                                     // narrow: same stage
          .reduceByKey(Integer::sum, 2);                                                // shuffle: new stage, 2 tasks
      List<Tuple2<String, Integer>> first = counts.collect();                           // action: job 0
      long distinct = counts.count();                                                   // action: job 1
      List<Tuple2<String, Integer>> top = counts.mapToPair(Tuple2::swap)
          .sortByKey(false, 2)                                                          // range partitioner: samples
          .mapToPair(Tuple2::swap).take(3);                                             // action
      // end::job[]
      sc.sc().listenerBus().waitUntilEmpty();
      out.printf("%d distinct words; collect() returned %d pairs; top 3: %s%n%n", distinct, first.size(), top);
      print(events, out);
      exercise(sc, out);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain", e);
    } finally {
      spark.stop();
    }
  }

  /** The exercise's variant: 2 input partitions, 3 reduce partitions; what the two actions ran. */
  static void exercise(JavaSparkContext sc, PrintStream out) throws java.util.concurrent.TimeoutException {
    Events events = new Events();
    sc.sc().addSparkListener(events);
    JavaPairRDD<String, Integer> counts = sc.parallelize(LINES, 2)
        .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
        .mapToPair(word -> new Tuple2<>(word, 1))
        .reduceByKey(Integer::sum, 3);
    counts.collect();
    counts.count();
    sc.sc().listenerBus().waitUntilEmpty();
    sc.sc().removeSparkListener(events);
    List<String> jobs = new ArrayList<>();
    for (var job : new TreeMap<>(events.stagesOfJob).entrySet()) {
      jobs.add(job.getValue().stream().sorted((a, b) -> Integer.compare(a.stageId(), b.stageId()))
          .map(st -> events.submitted.containsKey(st.stageId()) ? st.numTasks() + " tasks" : "skipped").toList().toString());
    }
    long written = events.recordsOfStage.values().stream().mapToLong(r -> r[2]).sum();
    out.printf("%nexercise, parallelize(LINES, 2) and reduceByKey(sum, 3): stages per job %s, shuffle written %d%n",
        String.join(" then ", jobs), written);
  }

  private static String executorsOf(JavaSparkContext sc) {
    return String.join(", ", CollectionConverters.asJava(sc.sc().getExecutorIds()).isEmpty()
        ? List.of("driver (" + sc.defaultParallelism() + " task slots)") : CollectionConverters.asJava(sc.sc().getExecutorIds()));
  }

  /** Each job with its stages: submitted or skipped, tasks per executor, records in and out. */
  static void print(Events events, PrintStream out) {
    for (var job : new TreeMap<>(events.stagesOfJob).entrySet()) {
      List<StageInfo> stages = new ArrayList<>(job.getValue());
      stages.sort((a, b) -> Integer.compare(a.stageId(), b.stageId()));
      out.printf("job %d: %d stage(s), %s%n", job.getKey(), stages.size(), events.jobResult.get(job.getKey()));
      for (StageInfo stage : stages) {
        int id = stage.stageId();
        List<Object> parents = new ArrayList<>(CollectionConverters.asJava(stage.parentIds()));
        String name = stage.name();
        if (!events.submitted.containsKey(id)) {
          out.printf("  stage %d  %-28s skipped: its shuffle output is already written%n", id, name);
          continue;
        }
        long[] r = events.recordsOfStage.getOrDefault(id, new long[3]);
        out.printf("  stage %d  %-28s %d tasks %s, parents %s, shuffle read %d, shuffle written %d%n", id, name,
            stage.numTasks(), new TreeMap<>(events.tasksOn.getOrDefault(id, Map.of())), parents, r[1], r[2]);
      }
    }
  }
}

/*
 * How to run it, from the repository root (Spark's class path comes from its module):
tag::run[]
./mvnw -q -B package -DskipTests -pl engines-dataflow/spark -am
java $(sed -n 's/^jvm.flags=//p' spec-tests/spi/target/classes/bigdatalab-engine-jvm.properties) \
  -cp "engines-dataflow/spark/target/classes:$(cat engines-dataflow/spark/target/lab-engine.classpath)" \
  org.bigdatalab.guide.Ch15_SparkArchitecture
end::run[]
 */
