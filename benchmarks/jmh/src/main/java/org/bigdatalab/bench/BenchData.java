package org.bigdatalab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.spi.ByteSize;
import org.bigdatalab.workloads.TeraRecordGenerator;
import org.bigdatalab.workloads.WorkloadFiles;
import org.bigdatalab.workloads.ZipfTextGenerator;

/**
 * The inputs of the benchmarks, generated once per size and seed from {@code workloads} and cached
 * under {@code target/bench-data/} (or the directory in the system property
 * {@value #DIR_PROPERTY}), so a second run starts measuring at once. Files are written under a
 * temporary name and moved into place, so an interrupted run never leaves a short file behind.
 *
 * <p>Sizes are powers of 1024, as {@link ByteSize} parses them: {@code 16MB} is 16 × 2^20 bytes,
 * and throughput is reported in the same MB.
 */
public final class BenchData {
  /** Overrides the cache directory; {@link BenchRunner} sets it on its forks so all agree. */
  public static final String DIR_PROPERTY = "bigdatalab.bench.data";
  public static final long SEED = 42L;
  /** The Zipf corpus: 100 000 words, exponent 1 (classic Zipf), 12 words per line. */
  public static final int VOCABULARY = 100_000;
  public static final double EXPONENT = 1.0;
  public static final int WORDS_PER_LINE = 12;

  private BenchData() {}

  public static Path dir() {
    String configured = System.getProperty(DIR_PROPERTY);
    return (configured != null ? Path.of(configured) : Path.of("target", "bench-data")).toAbsolutePath();
  }

  public static long bytes(String size) {
    return ByteSize.parse(size);
  }

  /** A size label that counts things (events, operations): "1M", "200K", or a plain number. */
  static int count(String size) {
    String s = size.trim().toUpperCase(java.util.Locale.ROOT);
    return s.endsWith("M") ? (int) (Double.parseDouble(s.substring(0, s.length() - 1)) * 1_000_000)
        : s.endsWith("K") ? (int) (Double.parseDouble(s.substring(0, s.length() - 1)) * 1_000) : Integer.parseInt(s);
  }

  /** The Zipf text corpus of about {@code size} bytes (whole lines, at least that many). */
  public static synchronized Path zipfCorpus(String size) throws IOException {
    long target = bytes(size);
    Path file = dir().resolve(String.format("zipf-v%d-s%s-w%d-seed%d-%s.txt", VOCABULARY, EXPONENT,
        WORDS_PER_LINE, SEED, ByteSize.format(target)));
    if (!Files.isRegularFile(file) || Files.size(file) < target) {
      Path tmp = tempSibling(file);
      WorkloadFiles.write(tmp, new ZipfTextGenerator(VOCABULARY, EXPONENT, WORDS_PER_LINE, SEED), target);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return file;
  }

  /** TeraSort input: {@code ceil(size / 100)} gensort-style records of 100 bytes. */
  public static synchronized Path teraInput(String size) throws IOException {
    long rows = (bytes(size) + TeraRecordGenerator.RECORD_BYTES - 1) / TeraRecordGenerator.RECORD_BYTES;
    Path file = dir().resolve(String.format("tera-seed%d-%d-rows.dat", SEED, rows));
    if (!Files.isRegularFile(file) || Files.size(file) != rows * TeraRecordGenerator.RECORD_BYTES) {
      Path tmp = tempSibling(file);
      WorkloadFiles.writeTeraParallel(tmp, new TeraRecordGenerator(SEED), rows,
          Math.max(1, Runtime.getRuntime().availableProcessors()));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return file;
  }

  /**
   * What TeraValidate must find in a sorted copy of {@code input}: the record count and the sum of
   * the records' CRC32s (as {@code TeraValidate.inputChecksum} computes it). Cached next to the
   * input: a 1 GB pass costs seconds per fork.
   */
  public record TeraExpectation(long records, long checksum) {}

  public static synchronized TeraExpectation teraExpectation(Path input) throws IOException {
    Path cache = input.resolveSibling(input.getFileName() + ".expect");
    if (Files.isRegularFile(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(input)) >= 0) {
      String[] f = Files.readString(cache).trim().split(" ");
      return new TeraExpectation(Long.parseLong(f[0]), Long.parseLong(f[1]));
    }
    long records = 0;
    long raw = 0;
    try (BufferedReader r = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        records++;
        raw += crc(line);
      }
    }
    TeraExpectation expectation = new TeraExpectation(records, raw);
    Path tmp = tempSibling(cache);
    Files.writeString(tmp, records + " " + raw + "\n");
    Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return expectation;
  }

  private static long crc(String record) {
    CRC32 crc = new CRC32();
    crc.update(record.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  /** Reducers of the benchmark jobs: one per core, the same for every engine. */
  public static int reducers() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Split size of the benchmark jobs: about four splits per core, between 1 MB and the SPI's
   * default of 32 MB. With the default alone a 16 MB corpus is one split, one map task, and a
   * parallel engine has nothing to run in parallel; every engine gets the same splits.
   */
  public static long splitBytes(long inputBytes) {
    long perSplit = inputBytes / (4L * reducers());
    return Math.max(1L << 20, Math.min(MapReduceJob.DEFAULT_MAX_SPLIT_BYTES, perSplit));
  }

  /**
   * A path for one job's output that does not exist yet, in a fresh directory of its own under
   * {@code runs/<pid>/}; delete it with {@link #deleteRunDir}. Kept beside the data, on the
   * project's disk, not in a {@code /tmp} that may live in memory.
   */
  public static Path freshOutput(String prefix) throws IOException {
    Path parent = dir().resolve("runs").resolve(Long.toString(ProcessHandle.current().pid()));
    Files.createDirectories(parent);
    return Files.createTempDirectory(parent, prefix).resolve("out");
  }

  public static void deleteRunDir(Path output) {
    if (output != null) {
      deleteTree(output.getParent());
    }
  }

  /** Removes run directories left behind by processes that are gone (a killed run, say). */
  public static void deleteStaleRuns() {
    Path runs = dir().resolve("runs");
    if (!Files.isDirectory(runs)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(runs)) {
      dirs.filter(d -> {
        try {
          return ProcessHandle.of(Long.parseLong(d.getFileName().toString())).isEmpty();
        } catch (NumberFormatException e) {
          return false;
        }
      }).forEach(BenchData::deleteTree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempSibling(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
  }
}
