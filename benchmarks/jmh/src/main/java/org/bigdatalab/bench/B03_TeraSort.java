package org.bigdatalab.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.jobs.TeraSort;
import org.bigdatalab.mapreduce.jobs.TeraValidate;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
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
 * TeraSort: the sort benchmark of the MapReduce world, and the job that moves every byte through
 * the shuffle (word count's combiner shrinks its shuffle to almost nothing; TeraSort's cannot).
 *
 * Input: gensort-style 100-byte records from workloads' TeraRecordGenerator, 1 GB for the full
 * run. The job is the spec's TeraSort: sample cut points (in the driver, before the clock starts,
 * as Hadoop's TeraSort does), then a total-order partitioner, so part-r-00000 < part-r-00001 < ...
 *
 * The wrong way to benchmark a sort is to time it and not look at the output: a sort that loses
 * records is fast. So every invocation, engine or hand-written, ends with TeraValidate in a
 * @TearDown (outside the timed region): keys ordered within and across partitions, as many
 * records as went in, and the CRC32 sum of the records equal to the input's. Anything else throws
 * and fails the run.
 *
 * baseline is the single-core limit for this job, written by hand: read the file into one array,
 * sort a long[] of (4-byte key prefix, record index) with Arrays.sort, settle prefix ties by the
 * whole key, write key<TAB>value lines as the engines do. It is what one core can do without
 * splits, serialisation, spills or merges; BenchRunner reports each engine's MB/s as a ratio to it.
 *
 * Measured with lab bench --workload terasort --size 1GB (2 vCPUs shared with other builds, load
 * 3-7, JDK 17, 10.7 M records; every output passed TeraValidate):
 *   hand-written (1 thread)   167.5 MB/s   1.00    (read 0.6 s, sort 1.5 s, write 2.5-3 s)
 *   mr-parallel (2 threads)    36.1 MB/s   0.22    (59 MB/s in an earlier, less loaded run)
 *   mr-sequential              15.1 MB/s   0.09    (32 MB/s in that run; holds all records in memory)
 *   mr-hadoop (2 threads)       9.5 MB/s   0.06
 * Per byte, TeraSort is kinder to the engines than word count: a record is 100 bytes, a word 3.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 2, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class B03_TeraSort {

  /** The input and one output directory per invocation, validated after each. */
  @State(Scope.Benchmark)
  public static class Input {
    @Param("1GB")
    public String size;

    Path file;
    BenchData.TeraExpectation expectation;
    Path output;

    @Setup(Level.Trial)
    public void generate() throws IOException {
      file = BenchData.teraInput(size);
      expectation = BenchData.teraExpectation(file);
    }

    @Setup(Level.Invocation)
    public void freshOutput() throws IOException {
      output = BenchData.freshOutput("terasort-");
    }

    @TearDown(Level.Invocation)
    public void validateAndDelete() throws IOException {
      try {
        TeraValidate.Report report = TeraValidate.validate(output);
        boolean sumMatches = report.checksum() == expectation.checksum();
        if (!report.valid() || report.records() != expectation.records() || !sumMatches
            || !Files.exists(output.resolve(JobOutput.SUCCESS_MARKER))) {
          throw new IllegalStateException("TeraValidate failed (terasort, " + size + ", seed " + BenchData.SEED
              + ", input " + file + "): " + report.records() + " records of " + expectation.records()
              + ", checksum " + (sumMatches ? "ok" : "wrong") + ", problems " + report.problems());
        }
      } finally {
        BenchData.deleteRunDir(output);
      }
    }
  }

  /** One engine, and the job with cut points sampled from the input. */
  @State(Scope.Benchmark)
  public static class Engine {
    @Param({"mr-sequential", "mr-parallel", "mr-hadoop"})
    public String engine;

    MapReduceEngine mr;
    MapReduceJob<String, String, String, String> job;

    @Setup(Level.Trial)
    public void start(Input input) throws IOException {
      EngineRegistry registry = EngineRegistry.load();
      if (registry.find(engine).isEmpty()) {
        throw new IllegalStateException("engine '" + engine + "' is not on the class path; registered: "
            + registry.engines().stream().map(i -> i.id()).toList());
      }
      mr = registry.create(engine, MapReduceEngine.class, EngineOptions.NONE);
      String[] cuts = TeraSort.sampleCuts(List.of(input.file), BenchData.reducers(), 1000);
      job = TeraSort.job(cuts).toBuilder().maxSplitBytes(BenchData.splitBytes(Files.size(input.file))).build();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      if (mr != null) {
        mr.close();
      }
    }
  }

  @Benchmark
  public JobResult measureEngine(Input input, Engine engine) throws JobFailedException {
    return engine.mr.run(engine.job, List.of(input.file), input.output);
  }

  @Benchmark
  public long baseline(Input input) throws IOException {
    return sortByHand(input.file, input.output);
  }

  /** The hand-written one-thread TeraSort; writes one part file and _SUCCESS. Returns the record count. */
  public static long sortByHand(Path input, Path outputDir) throws IOException {
    long length = Files.size(input);
    if (length > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("the hand-written sort holds its input in one array (< 2 GB): " + input);
    }
    byte[] data = Files.readAllBytes(input);
    int[] starts = new int[Math.max(16, data.length / 100 + 1)];
    int[] ends = new int[starts.length]; // at the record's '\r\n', '\n' or the end of the file
    boolean[] plain = new boolean[starts.length]; // nothing to escape: copied as it is
    int records = 0;
    for (int at = 0; at < data.length; ) {
      if (records == starts.length) {
        starts = Arrays.copyOf(starts, records * 2);
        ends = Arrays.copyOf(ends, records * 2);
        plain = Arrays.copyOf(plain, records * 2);
      }
      int nl = at;
      int escapes = 0;
      byte b;
      while (nl < data.length && (b = data[nl]) != '\n') {
        escapes += ESCAPED[b & 0xFF];
        nl++;
      }
      int end = nl;
      if (nl > at && data[nl - 1] == '\r') {
        end--;
        escapes--;
      }
      if (end - at < TeraSort.KEY_LENGTH) {
        throw new IllegalArgumentException(input + ": record " + (records + 1) + " is shorter than the key");
      }
      starts[records] = at;
      ends[records] = end;
      plain[records++] = escapes == 0;
      at = nl + 1;
    }
    // Sort (first four key bytes, record index) as one long; 31 bits are enough for the index.
    long[] order = new long[records];
    for (int r = 0; r < records; r++) {
      int s = starts[r];
      long prefix = ((data[s] & 0xFFL) << 24) | ((data[s + 1] & 0xFF) << 16) | ((data[s + 2] & 0xFF) << 8) | (data[s + 3] & 0xFF);
      order[r] = (prefix << 31) | r;
    }
    Arrays.sort(order);
    for (int from = 0; from < records; ) { // records whose prefixes tie: sorted by the whole key
      int to = from + 1;
      while (to < records && order[to] >>> 31 == order[from] >>> 31) {
        to++;
      }
      if (to - from > 16) { // many ties (not in gensort data, but in some): no quadratic insertion sort
        int[] idx = starts;
        Long[] group = new Long[to - from];
        for (int k = 0; k < group.length; k++) {
          group[k] = order[from + k];
        }
        Arrays.sort(group, (x, y) -> compareKeys(data, idx[(int) (x & 0x7FFFFFFF)], idx[(int) (y & 0x7FFFFFFF)]));
        for (int k = 0; k < group.length; k++) {
          order[from + k] = group[k];
        }
        from = to;
        continue;
      }
      for (int i = from + 1; i < to; i++) {
        long moving = order[i];
        int j = i - 1;
        while (j >= from && compareKeys(data, starts[(int) (order[j] & 0x7FFFFFFF)], starts[(int) (moving & 0x7FFFFFFF)]) > 0) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = moving;
      }
      from = to;
    }
    Files.createDirectories(outputDir.getParent());
    Files.createDirectory(outputDir);
    try (OutputStream out = Files.newOutputStream(outputDir.resolve(JobOutput.partName(0)))) {
      byte[] buf = new byte[1 << 20];
      int pos = 0;
      for (long o : order) {
        int r = (int) (o & 0x7FFFFFFF);
        int s = starts[r];
        int recordLength = ends[r] - s;
        if (pos + 2 * recordLength + 2 > buf.length) {
          out.write(buf, 0, pos);
          pos = 0;
          if (2 * recordLength + 2 > buf.length) {
            buf = new byte[2 * recordLength + 2];
          }
        }
        if (plain[r]) {
          System.arraycopy(data, s, buf, pos, TeraSort.KEY_LENGTH);
          buf[pos + TeraSort.KEY_LENGTH] = '\t';
          System.arraycopy(data, s + TeraSort.KEY_LENGTH, buf, pos + TeraSort.KEY_LENGTH + 1, recordLength - TeraSort.KEY_LENGTH);
          pos += recordLength + 1;
        } else {
          pos = escape(data, s, s + TeraSort.KEY_LENGTH, buf, pos);
          buf[pos++] = '\t';
          pos = escape(data, s + TeraSort.KEY_LENGTH, ends[r], buf, pos);
        }
        buf[pos++] = '\n';
      }
      out.write(buf, 0, pos);
    }
    Files.createFile(outputDir.resolve(JobOutput.SUCCESS_MARKER));
    return records;
  }

  private static int compareKeys(byte[] data, int a, int b) {
    return Arrays.compareUnsigned(data, a, a + TeraSort.KEY_LENGTH, data, b, b + TeraSort.KEY_LENGTH);
  }

  /** 1 for the bytes Codecs.STRING.toText escapes ('\\', TAB, LF, CR), 0 for the others. */
  private static final byte[] ESCAPED = new byte[256];

  static {
    ESCAPED['\\'] = 1;
    ESCAPED['\t'] = 1;
    ESCAPED['\n'] = 1;
    ESCAPED['\r'] = 1;
  }

  /** Copies {@code data[from, to)} into {@code buf} at {@code pos} as Codecs.STRING.toText writes it. */
  private static int escape(byte[] data, int from, int to, byte[] buf, int pos) {
    for (int i = from; i < to; i++) {
      byte b = data[i];
      if (ESCAPED[b & 0xFF] == 0) {
        buf[pos++] = b;
      } else {
        buf[pos++] = '\\';
        buf[pos++] = switch (b) {
          case '\t' -> (byte) 't';
          case '\n' -> (byte) 'n';
          case '\r' -> (byte) 'r';
          default -> b;
        };
      }
    }
    return pos;
  }
}

/*
 * How to run (from the repository root):
 *   ./lab bench --workload terasort --size 1GB        (every engine beside the hand-written sort)
 *   ./lab bench --workload terasort --size small      (a smoke run, under a minute)
 * or this file alone, with JMH's own runner:
 *   ./mvnw -q -pl benchmarks/lab -am install -DskipTests
 *   java $(sed -n 's/^jvm.flags=//p' spec-tests/spi/target/classes/bigdatalab-engine-jvm.properties) \
 *       -cp "benchmarks/jmh/target/classes:$(cat benchmarks/lab/target/lab.classpath)" org.openjdk.jmh.Main \
 *       B03_TeraSort -p engine=mr-sequential,mr-parallel -p size=1GB
 */
