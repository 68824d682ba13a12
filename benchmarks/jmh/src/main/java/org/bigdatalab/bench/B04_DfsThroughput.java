package org.bigdatalab.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * to the device (no fsync on either side: dfs-local does not fsync, like HDFS's default
 * dfs.datanode.synconclose=false), and both read what they wrote at the trial's start, so both
 * read from the page cache: the ratio is the store's own overhead (copies, checksums, block files
 * and bookkeeping), not a difference in what the OS did for them. dfs-memory has no disk at all;
 * its ratio shows what the bookkeeping costs with the disk taken away.
 *
 * The baseline is the fastest plain write and read of the same bytes, each into or out of the
 * same 1 MB byte arrays, with the same durability (none: no fsync, no O_SYNC on either side), and
 * it writes one copy: the r3 target of 1/3 is what three copies cost against it. Write: one 1 MB
 * write() per call through the JDK's cached direct buffer, over the previous output's pages (see
 * below); a FileChannel from a direct buffer, a RandomAccessFile and a mapped file were no faster
 * here (mapped: 5x slower, a page fault per page of a new file). Read: the file kept open and
 * mapped for the trial, as dfs-local keeps its replicas', and copied out 1 MB at a time, one copy
 * from the page cache (mapping it at each read, store files-remap, faults every page in again);
 * every read() call (stream, channel, RandomAccessFile) copies twice, page cache to a native buffer
 * to the array, and ran at a third to a half of it (store files-stream, for comparison runs only).
 *
 * dfs-local copies each 1 MB write into its 1 MB direct packet, computes a CRC32C per 512 bytes,
 * and writes the packet to the replicas' block files at once (the first on the writer's thread, the
 * others on replica threads) and the CRCs to their .meta files, then returns when all have it; a
 * 1 MB read copies the replica's bytes (pread 128 KB at a time into a thread's own buffer; from the
 * second read of a replica on, whose files the DataNode keeps open after a read as HDFS's
 * short-circuit cache does, straight out of their kept mapping: every read of a trial after its
 * first) into the caller's array and checks the copy against the .meta CRCs, in 128 KB segments that the
 * reader and a helper thread share (the baseline uses one core: the check needs the second to come
 * near it; RESULTS.md, 2026-12-07, branch s6-dfsr). The previous invocation's output file
 * is deleted before each write, outside the measured time; dfs-local's delete keeps each replica's
 * two files, bytes and all, as a spare pair that the next write renames into place and writes over
 * (a create costs milliseconds of kernel CPU on this ext4, and writing over a file's pages skips the
 * page allocation and ext4's delayed-allocation reservation, about half of a buffered write's kernel
 * CPU). So the plain write, to stay the limit, writes over its previous output in place too and cuts
 * it to length: 1.5-2.3x faster than a write into a new file (RESULTS.md, 2026-12-07, branch
 * s6-dfsw). Its first write of a trial creates the file; the earlier baseline, a new file each
 * time, is kept as store files-create for comparison runs only. The cluster is four
 * DataNodes on two racks, the writer on dn1 (as a task would be), with room for the file at any
 * replication. After each read the bytes read are counted, and the first read of a trial is
 * compared with what was written: a fast wrong read is not a result.
 *
 * Measured runs, with the targets' verdicts and where the time goes: benchmarks/RESULTS.md.
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
  /** The earlier read baseline (read() calls), for comparison runs only: not part of lab bench. */
  public static final String DISK_STREAM = "files-stream";
  /** The earlier write baseline (a new file each write), for comparison runs only: not part of lab bench. */
  public static final String DISK_CREATE = "files-create";
  /** The read baseline until s8-dfsr (the file opened and mapped at each read), for comparison runs only. */
  public static final String DISK_REMAP = "files-remap";
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
  /** The read baseline's file, open and mapped for the whole trial. */
  private FileChannel diskChannel;
  private MappedByteBuffer diskMapped;
  private final DfsPath written = new DfsPath("/bench/written");
  private final DfsPath readBack = new DfsPath("/bench/read");
  private boolean verified;

  @Setup(Level.Trial)
  public void start() throws IOException {
    data = bytes(ByteSize.parse(size));
    dir = Files.createDirectories(BenchData.dir().resolve("runs").resolve(Long.toString(ProcessHandle.current().pid())));
    dir = Files.createTempDirectory(dir, "dfs-");
    if (store.startsWith(DISK)) {
      diskFile = dir.resolve("read");
      writeFiles(diskFile, data);
      diskChannel = FileChannel.open(diskFile, StandardOpenOption.READ);
      diskMapped = diskChannel.map(FileChannel.MapMode.READ_ONLY, 0, diskChannel.size());
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
    settle();
    verified = false;
  }

  /**
   * Waits until the kernel has written back what the trial's set-up wrote (sync), so that no read is
   * measured beside that writeback: three times as much of it for a store at r3 as for the plain
   * file. Best effort: where there is no sync command the reads may run beside it.
   */
  private static void settle() {
    try {
      new ProcessBuilder("sync").inheritIO().start().waitFor();
    } catch (IOException e) {
      // no sync command here: measure without settling
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Setup(Level.Invocation)
  public void clean() throws IOException {
    if (fs != null) {
      fs.delete(written, false);
    } else if (store.equals(DISK_CREATE)) {
      Files.deleteIfExists(dir.resolve("written"));
    } // the plain write keeps its previous output to write over, as dfs-local keeps its spares
  }

  @Benchmark
  public long write() throws IOException {
    return fs != null ? writeDfs(fs, written, data)
        : store.equals(DISK_CREATE) ? writeFiles(dir.resolve("written"), data) : writeOver(dir.resolve("written"), data);
  }

  @Benchmark
  public long read() throws IOException {
    byte[] copy = verified ? null : new byte[data.length];
    long n = fs != null ? readDfs(fs, readBack, copy)
        : store.equals(DISK_STREAM) ? readStream(diskFile, copy)
        : store.equals(DISK_REMAP) ? readFiles(diskFile, copy) : readMapped(diskMapped.duplicate(), copy);
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
    if (diskChannel != null) {
      diskChannel.close(); // the mapping goes with the buffer, at a GC
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

  /**
   * The write limit: the same bytes in the same 1 MB writes over the file's previous bytes (no
   * truncate first, so the kernel reuses the file's pages and blocks), then cut to length. The
   * first write of a trial creates the file. Unbuffered, through the JDK's cached direct buffer.
   */
  static long writeOver(Path file, byte[] data) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      for (int at = 0; at < data.length; at += CHUNK) {
        ByteBuffer chunk = ByteBuffer.wrap(data, at, Math.min(CHUNK, data.length - at));
        while (chunk.hasRemaining()) {
          channel.write(chunk);
        }
      }
      channel.truncate(data.length);
    }
    return data.length;
  }

  /** The earlier write limit (store files-create): a new file, the same bytes in the same 1 MB writes. */
  static long writeFiles(Path file, byte[] data) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int at = 0; at < data.length; at += CHUNK) {
        out.write(data, at, Math.min(CHUNK, data.length - at));
      }
    }
    return data.length;
  }

  /**
   * The read limit: the file open and mapped for the whole trial, copied out of the page cache into
   * the same 1 MB byte array, one copy per byte. dfs-local's DataNodes keep a replica's files and
   * mapping open between reads (since s8-dfsr, as HDFS's short-circuit cache keeps a local replica's
   * descriptors), so a plain read that opened and mapped the file each time, faulting its pages in
   * again, was no longer the limit: dfs-local read at 1.02-1.30 of it (RESULTS.md, 2026-12-07,
   * session 8). A read() system call copies twice, page cache to a native buffer to the array,
   * and measured 2-3x slower here (RESULTS.md, 2026-12-06).
   */
  static long readMapped(MappedByteBuffer mapped, byte[] copy) {
    byte[] buf = new byte[CHUNK];
    long total = 0;
    for (int n; (n = Math.min(buf.length, mapped.remaining())) > 0; ) {
      mapped.get(buf, 0, n);
      if (copy != null && total + n <= copy.length) {
        System.arraycopy(buf, 0, copy, (int) total, n);
      }
      total += n;
    }
    return total;
  }

  /** The read limit until s8-dfsr (store files-remap): the file opened and mapped at each read, then as {@link #readMapped}. */
  static long readFiles(Path file, byte[] copy) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return readMapped(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()), copy);
    }
  }

  /** The read limit of earlier runs (read() calls through Files.newInputStream), kept to show what changed: store files-stream. */
  static long readStream(Path file, byte[] copy) throws IOException {
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
 * or, without installing anything, from a worktree (the benchmark JVM reads the modules' target jars):
 *   ./mvnw -o -pl benchmarks/jmh -am package -DskipTests
 *   java -cp "benchmarks/jmh/target/benchmarks-0.1.0-SNAPSHOT.jar:<the modules' target jars and dependencies>" \
 *       org.openjdk.jmh.Main 'B04_DfsThroughput.(write|read)$' -p store=files,dfs-local -p replication=3 ...
 * or this file alone, with JMH's own runner (store=files is the disk limit):
 *   ./mvnw -q -pl benchmarks/lab -am install -DskipTests
 *   java -cp "benchmarks/jmh/target/classes:$(cat benchmarks/lab/target/lab.classpath)" org.openjdk.jmh.Main \
 *       B04_DfsThroughput -p store=files,dfs-local -p replication=1,3 -p blockSize=1MB,128MB -p size=256MB
 */
