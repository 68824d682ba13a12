package org.bigdatalab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.spi.KeyValue;

/**
 * A same-run A/B of two builds of df-parallel on B05's record path (reduceByKey over boxed records, plain),
 * for changes too small to see through JMH forks, which differ among themselves by more than that at 10M
 * records and z = 1.5 (RESULTS.md, session 11). Each build's engine classes (a {@code target/classes} folder)
 * live in a class loader of their own in one JVM, over one input, and their jobs alternate, which goes first
 * swapping each round. Printed per build: best, median and mean of the wall time and of the CPU time (this
 * thread's and the engines' task threads', as {@link NexmarkCountAbProbe} counts it; the other build's
 * threads are idle) per job. Each job's sums are checked against the hand-written loop's, as B05 checks them.
 * The class path must not hold the engine module (the parent loader would win); run it with the skew forks'
 * heap flags ({@link SkewWorkload#forkGcFlags}):
 * <pre>java -Xms6g -Xmx6g -XX:NewRatio=1 -XX:G1HeapRegionSize=32m -XX:InitiatingHeapOccupancyPercent=45 \
 *   -XX:-G1UseAdaptiveIHOP -XX:+AlwaysPreTouch -cp benchmarks/jmh/target/classes:$(cat benchmarks/jmh/target/bench-fork.classpath) \
 *   org.bigdatalab.bench.DfRecordAbProbe 200 /tmp/main-df-classes engines-dataflow/reference/target/classes [10M] [1.5]</pre>
 */
public class DfRecordAbProbe {
  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    String[] builds = {args[1], args[2]};
    String size = args.length > 3 ? args[3] : "10M";
    double exponent = args.length > 4 ? Double.parseDouble(args[4]) : 1.5;
    SkewData data = SkewData.of(SkewData.records(size), exponent);
    Dataset<KeyValue<Integer, Long>> plan = B05_SkewedAggregation.plan(data.slices(B05_SkewedAggregation.partitions()), false, false);
    DataflowEngine[] engines = {load(builds[0]), load(builds[1])};
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[][] wall = new double[2][rounds];
    double[][] cpu = new double[2][rounds];
    for (int warm = 0; warm < 20; warm++) {
      for (DataflowEngine e : engines) {
        data.check(e.execute(Action.collect(plan)).value(), "warm-up");
      }
    }
    System.gc();
    for (int r = 0; r < rounds; r++) {
      for (int turn = 0; turn < 2; turn++) {
        int b = (r + turn) % 2;
        long c0 = cpu(threads);
        long t0 = System.nanoTime();
        List<KeyValue<Integer, Long>> sums = engines[b].execute(Action.collect(plan)).value();
        wall[b][r] = (System.nanoTime() - t0) / 1e6;
        cpu[b][r] = (cpu(threads) - c0) / 1e6;
        data.check(sums, builds[b]);
      }
    }
    System.out.printf("%s records, z = %s, %d rounds; load %s%n", size, exponent, rounds, Files.readString(Path.of("/proc/loadavg")).trim());
    for (int b = 0; b < 2; b++) {
      Arrays.sort(wall[b]);
      Arrays.sort(cpu[b]);
      System.out.printf("%-48s wall best %.1f median %.1f mean %.1f ms, CPU best %.1f median %.1f mean %.1f ms a job%n", builds[b],
          wall[b][0], wall[b][rounds / 2], Arrays.stream(wall[b]).average().orElseThrow(),
          cpu[b][0], cpu[b][rounds / 2], Arrays.stream(cpu[b]).average().orElseThrow());
    }
    for (DataflowEngine e : engines) {
      e.close();
    }
  }

  /** This thread's CPU time and the df-parallel task threads' (both builds name theirs so). */
  private static long cpu(ThreadMXBean threads) {
    return threads.getCurrentThreadCpuTime() + NexmarkCountProbe.cpuOf("df-parallel");
  }

  private static DataflowEngine load(String build) throws Exception {
    ClassLoader loader = new URLClassLoader(new URL[] {Path.of(build).toUri().toURL()}, DfRecordAbProbe.class.getClassLoader());
    return (DataflowEngine) Class.forName("org.bigdatalab.dataflow.reference.ParallelDataflow", true, loader)
        .getConstructor(int.class).newInstance(Runtime.getRuntime().availableProcessors());
  }
}
