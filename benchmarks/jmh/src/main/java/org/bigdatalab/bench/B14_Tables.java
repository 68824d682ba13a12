package org.bigdatalab.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.table.Column;
import org.bigdatalab.table.ColumnType;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.ReadAt;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.ScanResult;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableSchema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * What a table format costs: N rows (id, part, amount) in ten partitions p0..p9, loaded as one
 * commit (version 1), then
 *   merge      MERGE of 1% of N changed rows (all in partition p9, the "late data" of a recent day),
 *              matched on id, updating the amount; each call changes the next 1%;
 *   scanPruned the rows of partition p3 (a predicate on the partition column);
 *   scanFull   every row;
 *   timeTravel every row of version 1, after the merges of set-up.
 * on each table engine (table-memory and table-log here; delta and iceberg in a JVM with their
 * module's class path), beside a hand-written baseline on plain files: one CSV file per partition,
 * a MERGE that rewrites the affected partition's file (read it, apply the changes by id, write a
 * new file, rename it over the old one), and scans that read and parse the partition's file or all
 * ten. Every engine's answer is checked at set-up (the changed rows' amounts after a MERGE, the
 * pruned and full row counts, version 1's rows), and every call's row count: a fast wrong answer
 * is not a result. The files each scan opened (the engine's own account) are written beside the
 * data for the workload to report.
 *
 * Run: ./lab bench --workload tables [--size small|full|1M]. Measured runs: benchmarks/RESULTS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 1)
@Fork(1)
public class B14_Tables {
  static final int PARTITIONS = 10;
  /** The partition MERGE changes. */
  static final String HOT = "p9";
  /** The partition the pruned scan reads. */
  static final String PRUNED = "p3";
  static final TableSchema SCHEMA = new TableSchema(List.of(Column.required("id", ColumnType.LONG),
      Column.required("part", ColumnType.STRING), Column.optional("amount", ColumnType.LONG)), List.of("part"));
  private static final AtomicLong TABLES = new AtomicLong();

  static String partOf(long id) {
    return "p" + (id % PARTITIONS);
  }

  /** Row {@code id} as loaded: its amount is its id. */
  static Row loaded(long id) {
    return Row.of(id, partOf(id), id);
  }

  /** The k-th MERGE source (k from 1): 1% of the rows, all in {@link #HOT}, each amount set to id + k. */
  static List<Row> changes(int rows, int k) {
    int n = Math.max(1, rows / 100);
    int perPartition = rows / PARTITIONS;
    List<Row> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long id = (long) PARTITIONS * (((long) (k - 1) * n + i) % perPartition) + PARTITIONS - 1;
      out.add(Row.of(id, HOT, id + k));
    }
    return out;
  }

  /** A table engine's table, loaded and checked. */
  @State(Scope.Benchmark)
  public static class Tables {
    @Param("table-memory")
    public String engine;
    @Param("2000")
    public String size;
    int rows;
    TableEngine tables;
    Table table;
    int merges;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      rows = BenchData.count(size);
      tables = (TableEngine) EngineRegistry.load().provider(engine).create(EngineOptions.NONE);
      table = tables.create("bench" + TABLES.incrementAndGet() + "_" + ProcessHandle.current().pid(), SCHEMA, Clock.systemUTC());
      List<Row> all = new ArrayList<>(rows);
      for (long id = 0; id < rows; id++) {
        all.add(loaded(id));
      }
      table.write(new TableOperation.Append(all));
      List<Row> first = changes(rows, ++merges);
      table.write(new TableOperation.Merge(first, List.of("id"), TableOperation.WhenMatched.UPDATE, false));
      check(first);
    }

    private void check(List<Row> changed) throws TableException {
      ScanResult hot = table.snapshot(ReadAt.latest()).scan(Predicate.eq("part", HOT).and(Predicate.eq("id", changed.get(0).get(0))));
      if (!hot.rows().equals(List.of(changed.get(0)))) {
        throw new IllegalStateException(engine + ": after the MERGE, row " + changed.get(0).get(0) + " reads " + hot.rows());
      }
      ScanResult pruned = table.snapshot(ReadAt.latest()).scan(Predicate.eq("part", PRUNED));
      ScanResult full = table.snapshot(ReadAt.latest()).read();
      ScanResult old = table.snapshot(ReadAt.version(1)).read();
      long oldSum = old.rows().stream().mapToLong(r -> (Long) r.get(2)).sum();
      if (pruned.rows().size() != rows / PARTITIONS || full.rows().size() != rows || old.rows().size() != rows
          || oldSum != (long) rows * (rows - 1) / 2) {
        throw new IllegalStateException(engine + " read " + pruned.rows().size() + " rows of " + PRUNED + ", " + full.rows().size()
            + " in all and " + old.rows().size() + " (amounts summing to " + oldSum + ") at version 1, of " + rows);
      }
      try {
        Files.writeString(filesOpened(size, engine), pruned.filesOpened().size() + " " + full.filesOpened().size());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      tables.close();
    }
  }

  /** Where an engine's scans at {@code size} leave the number of files they opened: "pruned full". */
  static Path filesOpened(String size, String engine) {
    return BenchData.dir().resolve("tables-files-" + size + "-" + engine.replaceAll("[^a-z0-9-]", "_") + ".txt");
  }

  @Benchmark
  public long merge(Tables t) throws TableException {
    return t.table.write(new TableOperation.Merge(changes(t.rows, ++t.merges), List.of("id"), TableOperation.WhenMatched.UPDATE, false));
  }

  @Benchmark
  public int scanPruned(Tables t) throws TableException {
    return expect(t.table.snapshot(ReadAt.latest()).scan(Predicate.eq("part", PRUNED)).rows().size(), t.rows / PARTITIONS);
  }

  @Benchmark
  public int scanFull(Tables t) throws TableException {
    return expect(t.table.snapshot(ReadAt.latest()).read().rows().size(), t.rows);
  }

  @Benchmark
  public int timeTravel(Tables t) throws TableException {
    return expect(t.table.snapshot(ReadAt.version(1)).read().rows().size(), t.rows);
  }

  private static int expect(int got, int wanted) {
    if (got != wanted) {
      throw new IllegalStateException("read " + got + " rows, not " + wanted);
    }
    return got;
  }

  /** The same rows as plain CSV files, one per partition, for the hand-written baseline. */
  @State(Scope.Benchmark)
  public static class PlainFiles {
    @Param("2000")
    public String size;
    int rows;
    Path dir;
    int merges;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      rows = BenchData.count(size);
      dir = Files.createTempDirectory(BenchData.dir(), "tables-plain-");
      for (int p = 0; p < PARTITIONS; p++) {
        try (BufferedWriter w = Files.newBufferedWriter(file(dir, "p" + p), StandardCharsets.UTF_8)) {
          for (long id = p; id < rows; id += PARTITIONS) {
            w.write(id + "," + partOf(id) + "," + id + "\n");
          }
        }
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      BenchData.deleteTree(dir);
    }
  }

  static Path file(Path dir, String part) {
    return dir.resolve(part + ".csv");
  }

  /** The baseline MERGE: the affected partition's file read, the changes applied by id, a new file renamed over it. */
  @Benchmark
  public int handWrittenMerge(PlainFiles f) throws IOException {
    Map<Long, Row> byId = new LinkedHashMap<>();
    for (Row r : read(file(f.dir, HOT))) {
      byId.put((Long) r.get(0), r);
    }
    List<Row> source = changes(f.rows, ++f.merges);
    for (Row s : source) {
      if (byId.replace((Long) s.get(0), s) == null) {
        throw new IllegalStateException("no row " + s.get(0) + " in " + HOT);
      }
    }
    Path next = f.dir.resolve(HOT + ".next");
    try (BufferedWriter w = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
      for (Row r : byId.values()) {
        w.write(r.get(0) + "," + r.get(1) + "," + r.get(2) + "\n");
      }
    }
    Files.move(next, file(f.dir, HOT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return source.size();
  }

  @Benchmark
  public int handWrittenScanPruned(PlainFiles f) throws IOException {
    return expect(read(file(f.dir, PRUNED)).size(), f.rows / PARTITIONS);
  }

  @Benchmark
  public int handWrittenScanFull(PlainFiles f) throws IOException {
    int n = 0;
    for (int p = 0; p < PARTITIONS; p++) {
      n += read(file(f.dir, "p" + p)).size();
    }
    return expect(n, f.rows);
  }

  private static List<Row> read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int a = line.indexOf(',');
        int b = line.indexOf(',', a + 1);
        rows.add(Row.of(Long.parseLong(line, 0, a, 10), line.substring(a + 1, b), Long.parseLong(line, b + 1, line.length(), 10)));
      }
    }
    return rows;
  }
}
