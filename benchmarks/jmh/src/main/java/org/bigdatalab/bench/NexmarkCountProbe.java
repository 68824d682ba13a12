package org.bigdatalab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.streaming.StreamingEngine;

/**
 * A one-JVM probe for a loaded machine, where JMH's figures spread too wide: B06's COUNT (or another
 * query) on stream-parallel from the typed and columns sources, beside B07's primitive loop in the
 * same rounds; best of N of the wall time and of the CPU time of the threads that do the work (the
 * driver, this thread, plus the shard threads). On 2 cores a CPU ratio (loop CPU / engine CPU) is
 * what the per-core figure would be with the two cores fully overlapped.
 * Run: java -Xms4g -Xmx4g [-Dshards=N] -cp (B06's class path) org.bigdatalab.bench.NexmarkCountProbe [rounds [query [source]]]
 */
public class NexmarkCountProbe {
  static ThreadMXBean mx = ManagementFactory.getThreadMXBean();

  static long cpuOf(String prefix) {
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(prefix)) {
        sum += mx.getThreadCpuTime(t.getId());
      }
    }
    return sum;
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    String query = args.length > 1 ? args[1] : "COUNT";
    NexmarkData data = NexmarkData.of("1M");
    NexmarkBenchQuery q = NexmarkBenchQuery.valueOf(query);
    StreamingEngine eng = EngineRegistry.load().create("stream-parallel", StreamingEngine.class, System.getProperty("shards") == null ? EngineOptions.NONE : new EngineOptions(java.util.Map.of("shards", System.getProperty("shards"))));
    String[] sources = args.length > 2 ? new String[] {args[2], args[2]} : new String[] {"typed", "columns"};
    long bestBase = Long.MAX_VALUE, bestBaseCpu = Long.MAX_VALUE;
    long[] bestWall = new long[2], bestCpu = new long[2];
    java.util.Arrays.fill(bestWall, Long.MAX_VALUE);
    java.util.Arrays.fill(bestCpu, Long.MAX_VALUE);
    long results = 0;
    for (int r = 0; r < rounds; r++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      long sum = B07_NexmarkWindowedCountBaseline.countPerWindow(data.bidTimes, data.bidAuctions, data.auctionIds, NexmarkBenchQuery.WINDOW_MILLIS);
      long wall = System.nanoTime() - t0;
      long cpu = mx.getCurrentThreadCpuTime() - c0;
      if (sum == 42) System.out.println();
      bestBase = Math.min(bestBase, wall);
      bestBaseCpu = Math.min(bestBaseCpu, cpu);
      for (int s = 0; s < 2; s++) {
        long m0 = mx.getCurrentThreadCpuTime();
        long s0 = cpuOf("stream-parallel-shard");
        t0 = System.nanoTime();
        results = q.run(eng, data, sources[s]);
        wall = System.nanoTime() - t0;
        cpu = mx.getCurrentThreadCpuTime() - m0 + cpuOf("stream-parallel-shard") - s0;
        bestWall[s] = Math.min(bestWall[s], wall);
        bestCpu[s] = Math.min(bestCpu[s], cpu);
      }
    }
    System.out.printf("%s results %d; load %s%n", query, results, new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
    System.out.printf("baseline best wall %.2f ms, cpu %.2f ms%n", bestBase / 1e6, bestBaseCpu / 1e6);
    for (int s = 0; s < 2; s++) {
      System.out.printf("%-8s best wall %.2f ms, cpu (driver+shards) %.2f ms: per core (wall, 2 cores) %.3f; cpu ratio %.3f; %.1f M ev/s per core%n", sources[s],
          bestWall[s] / 1e6, bestCpu[s] / 1e6, bestBase / (2.0 * bestWall[s]), bestBaseCpu / (double) bestCpu[s],
          q.inputEvents(data) / (bestWall[s] / 1e9) / 2 / 1e6);
    }
    eng.close();
  }
}
