package org.bigdatalab.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.spi.ByteSize;
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
 * DFS throughput: how fast does one client write and read a file through each store, and how far
 * is that from what the disk under it gives a plain sequential java.nio.file.Files write and read
 * of the same bytes, measured in the same run?
 *
 * The disk limit is the baseline. A store that keeps r replicas writes r copies of every byte (and
 * a checksum file per block): at replication 3 on one disk the best it can do is 1/3 of the disk
 * limit, and the target is exactly that. A read touches one replica, checks its CRC32Cs and
 * copies it out, so it should come close to the disk limit (target >= 80%).
 *
 * The wrong way to measure is to compare a store's write with a plain write into a RAM disk, or a
 * read that is served from a cache the baseline does not get. Here both sides write under
 * target/bench-data (the project's disk, not a /tmp that may be memory), neither forces the bytes
 * to the platter (no fsync: dfs-local does not either), and both read what they have just written,
 * so both read from the page cache: the ratio is the store's own overhead (copies, checksums,
 * block bookkeeping), not a difference in what the OS did for them. dfs-memory has no disk at all;
 * its ratio shows what the bookkeeping costs with the disk taken away.
 *
 * Each invocation writes (or reads) one whole file of `size` bytes in 1 MB client writes; the
 * cluster is four DataNodes on two racks, the writer on dn1 (as a task would be), with room for
 * the file at any replication. After each read the bytes read are counted, and the first read of
 * a trial is compared with what was written: a fast wrong read is not a result.
 *
 * Measured (lab bench --workload dfs --size 64MB: 2 vCPUs shared with other builds, load ~8,
 * JDK 17; the disk limit is the page cache, as it is for the stores, since nobody fsyncs):
 *                          write MB/s  ratio     read MB/s  ratio
 *   files (disk limit)       2649      1.00        3932     1.00
 *   dfs-memory r1 1MB        1119      0.42        2090     0.53
 *   dfs-memory r3 1MB        1194      0.45        1907     0.49
 *   dfs-local  r1 1MB         231      0.087        112     0.029
 *   dfs-local  r3 1MB         124      0.047        122     0.031
 *   dfs-local  r3 64MB        135      0.051         58     0.015
 * dfs-local is far from the targets (r3 write >= 1/3, read >= 0.8 of the disk limit). The cost is
 * not the replicas: DiskBlockStore writes and reads its .meta checksum files through an unbuffered
 * DataOutputStream/DataInputStream (four one-byte system calls per 512-byte chunk's CRC), and each
 * block is read whole (readAllBytes) and copied again before the reader sees it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class B04_DfsThroughput {
  /** The pseudo-store id of the baseline: plain sequential Files I/O. */
  public static final String DISK = "files";
  private static final int CHUNK = 1 << 20;

  @Param("4MB")
  public String size;

  @Param({"dfs-memory", "dfs-local"})
  public String store;

  @Param({"1", "3"})
  public int replication;

  @Param("1MB")
  public String blockSize;

  private byte[] data;
  private DfsEngine engine;
  private DistributedFileSystem fs;
  private Path dir;
  private Path diskFile;
  private final DfsPath written = new DfsPath("/bench/written");
  private final DfsPath readBack = new DfsPath("/bench/read");
  private boolean verified;

  @Setup(Level.Trial)
  public void start() throws IOException {
    data = bytes(ByteSize.parse(size));
    dir = Files.createDirectories(BenchData.dir().resolve("runs").resolve(Long.toString(ProcessHandle.current().pid())));
    dir = Files.createTempDirectory(dir, "dfs-");
    if (store.equals(DISK)) {
      diskFile = dir.resolve("read");
      writeFiles(diskFile, data);
    } else {
      EngineRegistry registry = EngineRegistry.load();
      if (registry.find(store).isEmpty()) {
        throw new IllegalStateException("store '" + store + "' is not on the class path; registered: "
            + registry.engines().stream().map(i -> i.id()).toList());
      }
      engine = registry.create(store, DfsEngine.class, new EngineOptions(Map.of("dfs.local.dir", dir.toString())));
      long capacity = 2L * data.length + 2 * ByteSize.parse(blockSize) + (64L << 20);
      fs = engine.start(ClusterSpec.builder().capacity(capacity)
          .rack("r1", "dn1", "dn2").rack("r2", "dn3", "dn4")
          .blockSize(ByteSize.parse(blockSize)).replication(replication).writerNode("dn1").build());
      writeDfs(fs, readBack, data);
    }
    verified = false;
  }

  @Setup(Level.Invocation)
  public void clean() throws IOException {
    if (fs != null) {
      fs.delete(written, false);
    } else {
      Files.deleteIfExists(dir.resolve("written"));
    }
  }

  @Benchmark
  public long write() throws IOException {
    return fs != null ? writeDfs(fs, written, data) : writeFiles(dir.resolve("written"), data);
  }

  @Benchmark
  public long read() throws IOException {
    byte[] copy = verified ? null : new byte[data.length];
    long n = fs != null ? readDfs(fs, readBack, copy) : readFiles(diskFile, copy);
    if (n != data.length || (copy != null && !Arrays.equals(copy, data))) {
      throw new IllegalStateException(store + " read back " + n + " bytes of " + data.length
          + (n == data.length ? ", not the bytes written" : "") + " (dfs, r=" + replication + ", block " + blockSize
          + ", size " + size + ", seed " + BenchData.SEED + ")");
    }
    verified = true;
    return n;
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    if (fs != null) {
      fs.close();
    }
    BenchData.deleteTree(dir);
  }

  /** Incompressible bytes, the same for every store: what a DFS mostly holds (compressed blocks). */
  static byte[] bytes(long n) {
    byte[] b = new byte[Math.toIntExact(n)];
    new Random(BenchData.SEED).nextBytes(b);
    return b;
  }

  static long writeDfs(DistributedFileSystem fs, DfsPath path, byte[] data) throws IOException {
    try (DfsOutput out = fs.create(path, true)) {
      for (int at = 0; at < data.length; at += CHUNK) {
        out.write(data, at, Math.min(CHUNK, data.length - at));
      }
    }
    return data.length;
  }

  /** Reads the whole file in 1 MB reads; into {@code copy} when it is not null. */
  static long readDfs(DistributedFileSystem fs, DfsPath path, byte[] copy) throws IOException {
    byte[] buf = new byte[CHUNK];
    long total = 0;
    try (DfsInput in = fs.open(path)) {
      for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) {
        if (copy != null && total + n <= copy.length) {
          System.arraycopy(buf, 0, copy, (int) total, n);
        }
        total += n;
      }
    }
    return total;
  }

  /** The disk limit: one sequential write of the same bytes in the same 1 MB writes. */
  static long writeFiles(Path file, byte[] data) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int at = 0; at < data.length; at += CHUNK) {
        out.write(data, at, Math.min(CHUNK, data.length - at));
      }
    }
    return data.length;
  }

  static long readFiles(Path file, byte[] copy) throws IOException {
    byte[] buf = new byte[CHUNK];
    long total = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) {
        if (copy != null && total + n <= copy.length) {
          System.arraycopy(buf, 0, copy, (int) total, n);
        }
        total += n;
      }
    }
    return total;
  }
}

/*
 * How to run (from the repository root):
 *   ./lab bench --workload dfs --size small     (a few MB, both replications, two block sizes)
 *   ./lab bench --workload dfs --size full      (256 MB files, block sizes 1 MB to 128 MB)
 * or this file alone, with JMH's own runner (store=files is the disk limit):
 *   ./mvnw -q -pl benchmarks -am install -DskipTests
 *   java -cp "benchmarks/target/classes:$(cat benchmarks/target/lab.classpath)" org.openjdk.jmh.Main \
 *       B04_DfsThroughput -p store=files,dfs-local -p replication=1,3 -p blockSize=1MB,128MB -p size=256MB
 */
