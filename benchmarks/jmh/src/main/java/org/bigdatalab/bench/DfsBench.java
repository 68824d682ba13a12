package org.bigdatalab.bench;

import static org.bigdatalab.bench.BenchRunner.DISK_LIMIT;
import static org.bigdatalab.bench.BenchRunner.jmh;
import static org.bigdatalab.bench.BenchRunner.jmhLog;
import static org.bigdatalab.bench.BenchRunner.method;
import static org.bigdatalab.bench.BenchRunner.options;
import static org.bigdatalab.bench.BenchRunner.round;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bigdatalab.bench.BenchRunner.Plan;
import org.bigdatalab.spi.ByteSize;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/** {@code lab bench --workload dfs}: every store beside the plain file write and read of the same bytes (B04). */
final class DfsBench {
  private static final String B04 = B04_DfsThroughput.class.getName();

  private DfsBench() {}

  /** Block sizes of the {@code dfs} runs: a couple on small runs, 1 MB to 128 MB (those that fit the file) otherwise. */
  static List<String> blockSizes(String size, String label) {
    if (size.trim().equalsIgnoreCase("small")) {
      return List.of("1MB", "4MB");
    }
    long bytes = BenchData.bytes(label);
    List<String> blocks = List.of("1MB", "8MB", "64MB", "128MB").stream().filter(b -> ByteSize.parse(b) <= Math.max(1L << 20, bytes)).toList();
    return blocks;
  }

  /**
   * B04: the disk limit (plain Files write and read, in one fork) and then every store at
   * replication 1 and 3 and each block size. Rows: {@code engine} is {@code store/rN/block}, the
   * metric {@code write MB/s} or {@code read MB/s}, the ratio to the disk limit's write or read.
   */
  static List<BenchResult> run(List<String> stores, String size, List<String> blocks, Consumer<String> progress, Plan plan) {
    long bytes = BenchData.bytes(size);
    String bench = Pattern.quote(B04) + "\\.(write|read)$";
    Path log = jmhLog("dfs", size);
    double megabytes = bytes / (double) (1 << 20);
    List<RunResult> results = new ArrayList<>(jmh(options("dfs", size, bytes, plan, plan.baselineWarmups()).include(bench)
        .param("store", B04_DfsThroughput.DISK).param("replication", "1").param("blockSize", "1MB").build(),
        "dfs", size, megabytes, "MB/s", false, progress));
    if (!stores.isEmpty()) {
      results.addAll(jmh(options("dfs", size, bytes, plan, plan.engineWarmups()).include(bench)
          .param("store", stores.toArray(String[]::new)).param("replication", "1", "3")
          .param("blockSize", blocks.toArray(String[]::new)).build(), "dfs", size, megabytes, "MB/s", true, progress));
    }
    Map<String, Double> mbPerSecond = new LinkedHashMap<>();
    for (RunResult result : results) {
      double msPerJob = result.getPrimaryResult().getScore();
      mbPerSecond.put(method(result.getParams()) + " " + rowEngine(result.getParams()), bytes / (double) (1 << 20) / (msPerJob / 1000.0));
    }
    List<BenchResult> rows = new ArrayList<>();
    for (String op : List.of("write", "read")) {
      Double baseline = mbPerSecond.get(op + " " + DISK_LIMIT);
      if (baseline == null) {
        progress.accept("the disk limit's " + op + " failed (dfs, " + size + "), so no " + op + " ratio can be given; see " + log);
        continue;
      }
      List<String> order = new ArrayList<>(List.of(DISK_LIMIT));
      for (String store : stores) {
        for (String r : List.of("1", "3")) {
          for (String block : blocks) {
            order.add(store + "/r" + r + "/" + block);
          }
        }
      }
      for (String engine : order) {
        Double value = mbPerSecond.get(op + " " + engine);
        if (value == null) {
          progress.accept("no result for " + engine + " " + op + " (dfs, " + size + "): it failed; see " + log);
          continue;
        }
        rows.add(new BenchResult("dfs", engine, size, 1, op + " MB/s", round(value), DISK_LIMIT, round(value / baseline), null, null));
      }
    }
    return rows;
  }

  static String rowEngine(BenchmarkParams params) {
    String store = params.getParam("store");
    return B04_DfsThroughput.DISK.equals(store) ? DISK_LIMIT
        : store + "/r" + params.getParam("replication") + "/" + params.getParam("blockSize");
  }
}
