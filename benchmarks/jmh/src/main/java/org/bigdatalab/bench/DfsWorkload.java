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
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bigdatalab.bench.BenchRunner.Plan;
import org.bigdatalab.spi.ByteSize;
import org.bigdatalab.spi.Topic;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/**
 * {@code lab bench --workload dfs} (B04): every DFS store of the registry ({@code dfs-hdfs} only when
 * named) writing and reading one file at replication 1 and 3 and several block sizes, beside the
 * fastest plain write and read of the same bytes, one copy, no fsync on either side (a stream write,
 * a mapped read: {@value BenchRunner#DISK_LIMIT}, the disk limit; see B04). Rows: {@code engine} is {@code store/rN/block}, the metric {@code write MB/s} or
 * {@code read MB/s}, the ratio to the disk limit's write or read. Sizes: {@code small} = 4MB with
 * 1MB and 4MB blocks, {@code full} = 256MB with 1MB to 128MB blocks, or any size.
 */
final class DfsWorkload implements Workload {
  /** dfs-local at replication 3: write at least this fraction of the disk limit (3 copies of every byte). */
  static final double R3_WRITE_TARGET = 1.0 / 3;
  /** dfs-local at replication 3: read at least this fraction of the disk limit. */
  static final double R3_READ_TARGET = 0.8;
  private static final String SMALL = "4MB";
  private static final String B04 = B04_DfsThroughput.class.getName();

  @Override public String name() {
    return "dfs";
  }

  @Override public Topic topic() {
    return Topic.DFS;
  }

  @Override public List<String> sizes(String size) {
    return Workload.sizes(size, SMALL, List.of("256MB"), exact -> ByteSize.format(ByteSize.parse(exact)));
  }

  /** Block sizes: two on the small run's file, else 1 MB to 128 MB, those that fit the file (at least 1 MB). */
  static List<String> blockSizes(String label) {
    long bytes = BenchData.bytes(label);
    return label.equals(SMALL) ? List.of("1MB", SMALL)
        : List.of("1MB", "8MB", "64MB", "128MB").stream().filter(b -> ByteSize.parse(b) <= Math.max(1L << 20, bytes)).toList();
  }

  /** The disk limit (the fastest plain write and read of the same bytes, no fsync, in one fork; see B04), then every store at replication 1 and 3 and each block size. */
  @Override public BenchReport runSize(EngineChoice choice, String size, Consumer<String> progress, Plan fixed) {
    List<String> stores = choice.local();
    List<String> blocks = blockSizes(size);
    long bytes = BenchData.bytes(size);
    Plan plan = fixed != null ? fixed : MapReduceWorkload.plan(bytes);
    String bench = Pattern.quote(B04) + "\\.(write|read)$";
    Path log = jmhLog(name(), size);
    double megabytes = bytes / (double) (1 << 20);
    List<RunResult> results = new ArrayList<>(jmh(options(this, size, bytes, plan, plan.baselineWarmups()).include(bench)
        .param("store", B04_DfsThroughput.DISK).param("replication", "1").param("blockSize", "1MB").build(),
        this, size, megabytes, "MB/s", false, progress));
    if (!stores.isEmpty()) {
      results.addAll(jmh(options(this, size, bytes, plan, plan.engineWarmups()).include(bench)
          .param("store", stores.toArray(String[]::new)).param("replication", "1", "3")
          .param("blockSize", blocks.toArray(String[]::new)).build(), this, size, megabytes, "MB/s", true, progress));
    }
    Map<String, Double> mbPerSecond = new LinkedHashMap<>();
    for (RunResult result : results) {
      double msPerJob = result.getPrimaryResult().getScore();
      mbPerSecond.put(method(result.getParams()) + " " + rowEngine(result.getParams()), megabytes / (msPerJob / 1000.0));
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
        rows.add(new BenchResult(name(), engine, size, 1, op + " MB/s", round(value), DISK_LIMIT, round(value / baseline), null, null));
      }
    }
    return BenchReport.of(rows);
  }

  @Override public String rowEngine(BenchmarkParams params) {
    String store = params.getParam("store");
    return B04_DfsThroughput.DISK.equals(store) ? DISK_LIMIT
        : store + "/r" + params.getParam("replication") + "/" + params.getParam("blockSize");
  }

  @Override public String progressLabel(String size, BenchmarkParams params) {
    return name() + " " + size + " " + rowEngine(params) + " " + method(params);
  }

  /**
   * dfs-memory at r3 holds six copies of the file (read and written), in block-sized arrays that
   * G1 keeps as humongous objects, a 1 MB one in two 1 MB regions: 8x the file ran out at 256MB.
   */
  @Override public long heapMegabytes(long bytes) {
    return Math.max(2048, 16 * (bytes >> 20) + 512);
  }

  /** dfs-local at replication 3 against the disk limit, writing and reading. */
  @Override public List<String> targets(List<BenchResult> rows) {
    List<String> lines = new ArrayList<>();
    rows.stream().filter(r -> r.workload().equals(name())).map(BenchResult::size).distinct().forEach(size -> {
      for (String op : new String[] {"write", "read"}) {
        double target = op.equals("write") ? R3_WRITE_TARGET : R3_READ_TARGET;
        rows.stream().filter(r -> r.workload().equals(name()) && r.size().equals(size) && r.metric().startsWith(op)
            && r.engine().startsWith("dfs-local/r3/")).forEach(r -> lines.add(String.format(Locale.ROOT,
            "dfs %-12s %s %s %.3g of the disk limit (target >= %.2f): %s", size, r.engine(), op, r.ratioToBaseline(),
            target, BenchTable.verdict(r.ratioToBaseline() >= target))));
      }
    });
    return lines;
  }
}
