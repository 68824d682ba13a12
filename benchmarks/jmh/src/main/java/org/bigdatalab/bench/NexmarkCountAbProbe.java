package org.bigdatalab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bigdatalab.streaming.StreamingEngine;

/**
 * A same-run A/B of two builds of stream-parallel, for a loaded machine: each build's engine classes
 * (a {@code target/classes} folder, e.g. main's copied aside and a branch's) in a class loader of
 * its own in one JVM, B06's COUNT run on each in turn, round by round (which goes first alternates),
 * beside B07's primitive loop; best of N of the wall time and of the CPU time of the driver and the
 * shard threads. Run one after the other, two builds' figures at a load of 8 moved by 10-40% from
 * run to run; interleaved in one JVM the same build against itself (an A/A) differed by 2-4%.
 * The class path must not hold the engine module's classes (the parent loader would win):
 * <pre>java -Xms4g -Xmx4g -cp benchmarks/jmh/target/classes:$(cat benchmarks/jmh/target/bench-fork.classpath) \
 *   org.bigdatalab.bench.NexmarkCountAbProbe 60 /tmp/main-classes engines-streaming/reference/target/classes[@shards] [typed,columns]</pre>
 */
public class NexmarkCountAbProbe {
  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    String[] builds = {args[1], args[2]};
    String[] sources = args.length > 3 ? args[3].split(",") : new String[] {"typed", "columns"};
    NexmarkData data = NexmarkData.of("1M");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    StreamingEngine[] engines = new StreamingEngine[2];
    for (int b = 0; b < 2; b++) {
      engines[b] = load(builds[b]);
    }
    double[][] wall = new double[2][sources.length];
    double[][] cpu = new double[2][sources.length];
    for (int b = 0; b < 2; b++) {
      Arrays.fill(wall[b], Double.MAX_VALUE);
      Arrays.fill(cpu[b], Double.MAX_VALUE);
    }
    double loop = Double.MAX_VALUE;
    long sum = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      sum += B07_NexmarkWindowedCountBaseline.countPerWindow(data.bidTimes, data.bidAuctions, data.auctionIds, NexmarkBenchQuery.WINDOW_MILLIS);
      loop = Math.min(loop, (System.nanoTime() - t0) / 1e6);
      for (int s = 0; s < sources.length; s++) {
        for (int turn = 0; turn < 2; turn++) {
          int b = (r + turn) % 2;
          long c0 = mx.getCurrentThreadCpuTime() + NexmarkCountProbe.cpuOf("stream-parallel-shard"); // the other build's shards are idle
          t0 = System.nanoTime();
          sum += NexmarkBenchQuery.COUNT.run(engines[b], data, sources[s]);
          wall[b][s] = Math.min(wall[b][s], (System.nanoTime() - t0) / 1e6);
          cpu[b][s] = Math.min(cpu[b][s], (mx.getCurrentThreadCpuTime() + NexmarkCountProbe.cpuOf("stream-parallel-shard") - c0) / 1e6);
        }
      }
    }
    System.out.printf("loop %.2f ms; load %s; (%d)%n", loop, Files.readString(Path.of("/proc/loadavg")).trim(), sum & 1);
    for (int s = 0; s < sources.length; s++) {
      for (int b = 0; b < 2; b++) {
        System.out.printf("%-8s %-48s wall %.2f, cpu %.2f ms: per core (wall, 2 cores) %.3f, cpu ratio %.3f%n",
            sources[s], builds[b], wall[b][s], cpu[b][s], loop / (2 * wall[b][s]), loop / cpu[b][s]);
      }
    }
    for (StreamingEngine e : engines) {
      e.close();
    }
  }

  /** stream-parallel from {@code build} ({@code folder[@shards]}, 2 shards by default), in a class loader of its own. */
  private static StreamingEngine load(String build) throws Exception {
    String[] parts = build.split("@");
    int shards = parts.length > 1 ? Integer.parseInt(parts[1]) : 2;
    ClassLoader loader = new URLClassLoader(new URL[] {Path.of(parts[0]).toUri().toURL()}, NexmarkCountAbProbe.class.getClassLoader());
    Constructor<?> make = Class.forName("org.bigdatalab.streaming.reference.ParallelStreaming", true, loader).getConstructor(int.class);
    return (StreamingEngine) make.newInstance(shards);
  }
}
