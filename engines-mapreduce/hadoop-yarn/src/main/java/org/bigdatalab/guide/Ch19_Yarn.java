package org.bigdatalab.guide;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.TypeConverter;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerReport;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.capacity.CapacityScheduler;

/*
 * Why: the seed draws YARN as a ResourceManager above NodeManagers, which leaves out the part an
 * interviewer asks about: every application brings its own ApplicationMaster, which runs in a
 * container like any task and asks the ResourceManager for the rest. And "resource management" means
 * queues: a job can wait although the cluster has room, because its queue has none. This program
 * shows both on a real YARN (a MiniYARNCluster: a ResourceManager and a NodeManager in this JVM, the
 * containers real child processes), reading everything from the ResourceManager's own reports.
 *
 * How: the CapacityScheduler gets two queues, prod (75%) and dev (25%, capped at 25%). Job A goes to
 * dev; its one map task waits at a gate (a file this program creates later), so A holds its
 * containers as long as we look. Job B, also to dev, then has no room; job C, to prod, runs at once.
 * Opening the gate lets A finish and B start. No step waits for a time: each polls the
 * ResourceManager until the state it needs, with a deadline. Times are not printed: they change with
 * every run, the states do not. It lives in engines-mapreduce/hadoop-yarn because the unshaded
 * minicluster cannot share the guide's class path; the guide runs it forked (Program.forkedIn).
 */
public final class Ch19_Yarn {
  private Ch19_Yarn() {}

  static final int NODE_MB = 4096;
  static final int CONTAINER_MB = 512;
  /** How long any one awaited state may take on a loaded 2-core machine before the program gives up. */
  static final long DEADLINE_SECONDS = 180;
  static final String GATE = "ch19.gate";

  public static void main(String[] args) throws Exception {
    run(System.out);
    System.exit(0); // the cluster's threads are not daemons, see run
  }

  public static void run(PrintStream out) throws Exception {
    java.nio.file.Path work = Files.createTempDirectory("ch19-yarn");
    java.nio.file.Path input = Files.writeString(work.resolve("input.txt"), "one line is one map task\n", StandardCharsets.UTF_8);
    java.nio.file.Path gate = work.resolve("gate-open");
    MiniYARNCluster cluster = new MiniYARNCluster("ch19-yarn", 1, 1, 1);
    cluster.init(clusterConfiguration());
    cluster.start();
    Configuration conf = cluster.getConfig();
    boolean done = false;
    try (YarnClient rm = YarnClient.createYarnClient()) {
      rm.init(conf);
      rm.start();
      NodeReport node = awaitNode(rm, n -> true, "a NodeManager to register");
      out.printf("cluster: %d NodeManager, %d MB; scheduler %s%n", rm.getYarnClusterMetrics().getNumNodeManagers(),
          node.getCapability().getMemorySize(), conf.get(YarnConfiguration.RM_SCHEDULER).replaceAll(".*\\.", ""));
      for (String queue : List.of("prod", "dev")) {
        QueueInfo info = rm.getQueueInfo(queue);
        out.printf("queue %s: capacity %.0f%%, maximum %.0f%% of the cluster%n", queue, 100 * info.getCapacity(),
            100 * info.getMaximumCapacity());
      }

      // tag::submit[]
      Job a = job(conf, "A", "dev", input, work.resolve("out-a"));
      a.setMapperClass(GateMapper.class);           // its map task waits until the gate file exists
      a.getConfiguration().set(GATE, gate.toString());
      a.submit();
      ApplicationId appA = TypeConverter.toYarn(a.getJobID()).getAppId();
      ApplicationReport ra = await(rm, appA, "A's task container",
          r -> r.getYarnApplicationState() == YarnApplicationState.RUNNING && containers(r) == 2);
      // end::submit[]
      out.println();
      out.printf("A in queue %s: %s, %d containers, %d MB%n", ra.getQueue(), ra.getYarnApplicationState(), containers(ra),
          ra.getApplicationResourceUsageReport().getUsedResources().getMemorySize());
      // tag::containers[]
      ContainerId am = rm.getApplicationAttemptReport(ra.getCurrentApplicationAttemptId()).getAMContainerId();
      List<ContainerReport> held = rm.getContainers(ra.getCurrentApplicationAttemptId()).stream()
          .sorted(Comparator.comparingLong(c -> c.getContainerId().getContainerId())).toList();
      for (ContainerReport c : held) {
        out.printf("  container %d: %s, %d MB, on the NodeManager at %s%n", c.getContainerId().getContainerId(),
            c.getContainerId().equals(am) ? "the ApplicationMaster" : "a map task",
            c.getAllocatedResource().getMemorySize(), c.getAssignedNode().getHost());
      }
      // end::containers[]
      printQueue(out, rm, "dev");

      Job b = job(conf, "B", "dev", input, work.resolve("out-b"));
      b.getConfiguration().setBoolean("mapreduce.job.ubertask.enable", true);  // its one map runs inside its AM
      b.submit();
      ApplicationId appB = TypeConverter.toYarn(b.getJobID()).getAppId();
      // the scheduler's own words once B is admitted to dev and only its ApplicationMaster's container is missing
      ApplicationReport rb = await(rm, appB, "B to wait for its AM container",
          r -> r.getYarnApplicationState() == YarnApplicationState.ACCEPTED
              && r.getDiagnostics().contains("waiting for resources to be assigned for AM"));
      out.println();
      out.printf("B in queue %s: %s, %d containers%n", rb.getQueue(), rb.getYarnApplicationState(), containers(rb));
      out.println("  the ResourceManager's diagnostics for B:");
      for (String line : why(rb)) {
        out.println("    " + line);
      }
      node = rm.getNodeReports(NodeState.RUNNING).get(0);
      out.printf("  the node: %d of %d MB in use, %d containers%n", node.getUsed().getMemorySize(),
          node.getCapability().getMemorySize(), node.getNumContainers());

      Job c = job(conf, "C", "prod", input, work.resolve("out-c"));
      c.getConfiguration().setBoolean("mapreduce.job.ubertask.enable", true);
      c.submit();
      ApplicationReport rc = await(rm, TypeConverter.toYarn(c.getJobID()).getAppId(), "C to finish",
          r -> r.getYarnApplicationState() == YarnApplicationState.FINISHED);
      out.println();
      out.printf("C in queue %s: %s (%s)%n", rc.getQueue(), rc.getYarnApplicationState(), rc.getFinalApplicationStatus());
      out.printf("  meanwhile A is %s and B is %s%n", rm.getApplicationReport(appA).getYarnApplicationState(),
          rm.getApplicationReport(appB).getYarnApplicationState());

      long opened = System.currentTimeMillis();
      Files.createFile(gate);
      ra = await(rm, appA, "A to finish", r -> r.getYarnApplicationState() == YarnApplicationState.FINISHED);
      rb = await(rm, appB, "B to finish", r -> r.getYarnApplicationState() == YarnApplicationState.FINISHED);
      out.println();
      out.println("gate opened");
      out.printf("A: %s (%s); B: %s (%s)%n", ra.getYarnApplicationState(), ra.getFinalApplicationStatus(),
          rb.getYarnApplicationState(), rb.getFinalApplicationStatus());
      out.printf("B's ApplicationMaster started after the gate opened: %s%n", rb.getLaunchTime() >= opened);
      // an application is FINISHED when its ApplicationMaster unregisters; its process exits a moment later
      node = awaitNode(rm, n -> n.getNumContainers() == 0, "the node's containers to exit");
      out.printf("the node: %d containers, %d MB in use%n", node.getNumContainers(), node.getUsed().getMemorySize());
      done = true;
    } finally {
      // No cluster.stop(): the NodeManager's orderly stop waits 12-17 s for applications that finished long ago,
      // most of this chapter's time budget, and this JVM ends right after the program (the guide runs it in a JVM
      // of its own; main exits), taking the ResourceManager and NodeManager with it. The containers, the only other
      // processes, have exited by then: the program waits until the node reports none. On a failure it stops the
      // cluster, which ends any container still running.
      if (!done) {
        cluster.stop();
      }
      deleteRecursively(work);
    }
  }

  // tag::queues[]
  static Configuration clusterConfiguration() {
    YarnConfiguration conf = new YarnConfiguration();
    conf.set(YarnConfiguration.RM_SCHEDULER, CapacityScheduler.class.getName());
    conf.set("yarn.scheduler.capacity.root.queues", "prod,dev");
    conf.set("yarn.scheduler.capacity.root.prod.capacity", "75");
    conf.set("yarn.scheduler.capacity.root.dev.capacity", "25");
    conf.set("yarn.scheduler.capacity.root.dev.maximum-capacity", "25");   // dev may not borrow prod's idle share
    // ApplicationMasters may use a whole queue (the default is 10%), so what B waits for is the queue's capacity
    conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
    conf.setInt(YarnConfiguration.NM_PMEM_MB, NODE_MB);
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, CONTAINER_MB);
    // end::queues[]
    conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    // containers start $JAVA_HOME/bin/java: this JVM's Java, whatever the environment says
    conf.set(YarnConfiguration.NM_ADMIN_USER_ENV, "JAVA_HOME=" + System.getProperty("java.home"));
    // the MapReduce ApplicationMaster asks every task's NodeManager for the shuffle service, map-only or not
    conf.set(YarnConfiguration.NM_AUX_SERVICES, "mapreduce_shuffle");
    conf.set("yarn.nodemanager.aux-services.mapreduce_shuffle.class", "org.apache.hadoop.mapred.ShuffleHandler");
    conf.setInt("mapreduce.shuffle.port", 0);
    conf.setLong(YarnConfiguration.RM_NM_HEARTBEAT_INTERVAL_MS, 100);
    conf.setLong(YarnConfiguration.NM_PROCESS_KILL_WAIT_MS, 100);
    conf.setLong(YarnConfiguration.NM_SLEEP_DELAY_BEFORE_SIGKILL_MS, 100);
    return conf;
  }

  /** A map-only job of one map task; every container is CONTAINER_MB, the ApplicationMaster's too. */
  static Job job(Configuration cluster, String name, String queue, java.nio.file.Path input, java.nio.file.Path output)
      throws IOException {
    Configuration conf = new Configuration(cluster);
    conf.set("mapreduce.framework.name", "yarn");
    conf.set("mapreduce.job.queuename", queue);
    conf.setInt("yarn.app.mapreduce.am.resource.mb", CONTAINER_MB);
    conf.setInt("mapreduce.map.memory.mb", CONTAINER_MB);
    // small, quick JVMs in every container: the tasks are tiny and the machine may have 2 cores
    // (the ApplicationMaster serves a web UI through Guice, which needs java.lang open on Java 17)
    String jvm = "-Xmx200m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --add-opens=java.base/java.lang=ALL-UNNAMED";
    conf.set("yarn.app.mapreduce.am.command-opts", jvm);
    conf.set("mapreduce.map.java.opts", jvm);
    conf.set("yarn.app.mapreduce.am.staging-dir", output.resolveSibling("staging").toString());
    conf.setInt("yarn.app.mapreduce.am.scheduler.heartbeat.interval-ms", 100);  // the AM asks the RM every 100 ms, not every 1 s
    Job job = Job.getInstance(conf, name);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(LongWritable.class);
    job.setOutputValueClass(Text.class);
    FileInputFormat.addInputPath(job, new Path(input.toUri()));
    FileOutputFormat.setOutputPath(job, new Path(output.toUri()));
    return job;
  }

  /** Job A's mapper: the identity, after its gate file appears. It holds A's containers while the program looks. */
  public static final class GateMapper extends Mapper<LongWritable, Text, LongWritable, Text> {
    @Override
    protected void setup(Context context) throws IOException, InterruptedException {
      java.nio.file.Path gate = java.nio.file.Path.of(context.getConfiguration().get(GATE));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
      while (!Files.exists(gate)) {
        if (System.nanoTime() > deadline) {
          throw new IOException("the gate " + gate + " did not open in " + DEADLINE_SECONDS + " s");
        }
        Thread.sleep(20); // a polling interval: the gate is a file, which nobody can wait on
      }
    }
  }

  // tag::poll[]
  /** Polls the ResourceManager's report of {@code app} until {@code reached}; fails at the deadline or if the app failed. */
  static ApplicationReport await(YarnClient rm, ApplicationId app, String what, Predicate<ApplicationReport> reached)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (true) {
      ApplicationReport report = rm.getApplicationReport(app);
      if (reached.test(report)) {
        return report;
      }
      YarnApplicationState state = report.getYarnApplicationState();
      if (state == YarnApplicationState.FAILED || state == YarnApplicationState.KILLED || System.nanoTime() > deadline) {
        throw new IllegalStateException("waiting for " + what + ": " + app + " is " + state + ": " + report.getDiagnostics());
      }
      Thread.sleep(20); // a polling interval, as `yarn application -status` in a loop
    }
  }

  static int containers(ApplicationReport report) {
    return report.getApplicationResourceUsageReport().getNumUsedContainers();
  }
  // end::poll[]

  static void printQueue(PrintStream out, YarnClient rm, String name) throws Exception {
    QueueInfo q = rm.getQueueInfo(name);
    out.printf("  queue %s: %.0f%% of its capacity in use, running applications: %d%n", name, 100 * q.getCurrentCapacity(),
        q.getApplications().stream().filter(r -> r.getYarnApplicationState() == YarnApplicationState.RUNNING).count());
  }

  /** The scheduler's reason, one item a line, without the time stamp the ResourceManager puts in front. */
  static List<String> why(ApplicationReport report) {
    return Arrays.stream(report.getDiagnostics().replaceFirst("^\\[[^]]*\\]\\s*", "").split("Details :|;"))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Polls the ResourceManager's report of the (one) node until {@code reached}, with the same deadline. */
  static NodeReport awaitNode(YarnClient rm, Predicate<NodeReport> reached, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (true) {
      List<NodeReport> nodes = rm.getNodeReports(NodeState.RUNNING);
      if (!nodes.isEmpty() && reached.test(nodes.get(0))) {
        return nodes.get(0);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("waiting for " + what + ": not in " + DEADLINE_SECONDS + " s, nodes " + nodes);
      }
      Thread.sleep(20);
    }
  }

  static void deleteRecursively(java.nio.file.Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (java.nio.file.Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

/*
 * How to run it, from the repository root (the containers get this JVM's class path, which must be
 * absolute, hence $PWD; the project's engine JVM flags open java.lang for the web UIs' Guice):
tag::run[]
./mvnw -q -B -pl engines-mapreduce/hadoop-yarn -am package -DskipTests
java $(sed -n 's/^jvm.flags=//p' spec-tests/spi/target/classes/bigdatalab-engine-jvm.properties) \
  -cp "$PWD/engines-mapreduce/hadoop-yarn/target/classes:$(cat engines-mapreduce/hadoop-yarn/target/lab-engine.classpath)" \
  org.bigdatalab.guide.Ch19_Yarn
end::run[]
 */
