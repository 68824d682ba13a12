package org.bigdatalab.guide;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.dfs.BlockLocation;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.Split;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.mapreduce.spec.InputFile;
import org.bigdatalab.mapreduce.spec.MapReduceOracle;
import org.bigdatalab.spi.KeyValue;

/*
 * Why: HDFS exists so that jobs can read big files where they lie. A MapReduce job does not read
 * "a file": it asks the NameNode for the file's blocks and runs one map task per block (a split),
 * preferably on a DataNode that holds a replica, so the bytes never cross the network. Blocks are
 * cut at fixed byte offsets, not at line ends, so a line usually straddles two blocks; the split it
 * starts in reads it whole (reading on into the next block), and the next split skips it.
 *
 * How: on real HDFS (a MiniDFSCluster of six DataNodes on two racks, 1 KiB blocks) this program
 * first runs the seed's HDFSManager operations of Ch03_HdfsOperations, then uploads a text of a few
 * blocks and runs word count on it with Hadoop's own MapReduce (mr-hadoop, whose FileInputFormat
 * cuts the splits from HDFS's block locations) and with ours (mr-parallel, reading the blocks
 * through the DFS SPI). It prints the block map, each engine's splits with the DataNodes a scheduler
 * would run them on, and compares the counts with the oracle's on the same bytes as a local file.
 * Hadoop's jars cannot share the guide's class path, so the renderer runs this program in a JVM of
 * its own with the class path of the module holding {@code dfs-hdfs} (GuideRenderer.Program.forked).
 */
public final class Ch03_MapReduceOnHdfs {
  static final String STORE = "dfs-hdfs";
  static final List<String> ENGINES = List.of("mr-hadoop", "mr-parallel");
  static final DfsPath WORDS = new DfsPath("/user/hadoop/words.txt");

  private Ch03_MapReduceOnHdfs() {}

  /** About 3 KiB of lines, so 1 KiB blocks cut several of them in two. */
  static String text() {
    List<String> animals = List.of("cat", "dog", "owl", "fox", "yak");
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 90; i++) {
      b.append("line ").append(i).append(": the ").append(animals.get(i % 5)).append(" saw the ")
          .append(animals.get(i * 3 % 5)).append('\n');
    }
    return b.toString();
  }

  /** What one engine did: its splits and its counts. */
  public record EngineRun(String engine, List<Split> splits, List<KeyValue<String, Long>> counts) {}

  /** The file's blocks, each engine's run, and the oracle's counts of the same bytes. */
  public record Outcome(List<BlockLocation> blocks, List<EngineRun> runs, List<KeyValue<String, Long>> oracle,
                        int linesAcrossBlocks) {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Real HDFS: the seed's operations, then word count on Hadoop's MapReduce and on ours. */
  public static void run(PrintStream out) throws Exception {
    try (DfsEngine hdfs = GuideEngines.create(STORE, DfsEngine.class);
         DistributedFileSystem fs = hdfs.start(Ch03_HdfsOperations.cluster())) {
      out.println("== the seed's HDFSManager on " + hdfs.info().displayName());
      Ch03_HdfsOperations.run(STORE, fs, out);
      out.println("== word count reading from " + hdfs.info().displayName());
      run(STORE, fs, GuideEngines.available(ENGINES, out), out);
    }
  }

  public static Outcome run(String store, DistributedFileSystem fs, List<String> engines, PrintStream out)
      throws Exception {
    String text = text();
    // tag::upload[]
    try (DfsOutput file = fs.create(WORDS, false)) {
      file.write(text.getBytes(StandardCharsets.UTF_8));
    }
    List<BlockLocation> blocks = fs.blockLocations(WORDS);
    // end::upload[]
    int across = linesAcrossBlocks(text, fs.getFileStatus(WORDS).blockSize());
    out.printf("%s: %,d bytes in %d blocks of %,d bytes; %d lines cross a block boundary%n", WORDS, text.length(),
        blocks.size(), fs.getFileStatus(WORDS).blockSize(), across);
    for (BlockLocation b : blocks) {
      out.printf("  block %d  [%,5d, %,5d)  replicas %s%n", b.index(), b.offset(), b.offset() + b.length(), b.replicas());
    }
    MapReduceJob<String, Long, String, Long> job = WordCount.withCombiner(1);
    List<KeyValue<String, Long>> oracle =
        MapReduceOracle.run(job, List.of(new InputFile(WORDS.name(), text))).partitions().get(0);
    List<EngineRun> runs = new ArrayList<>();
    try (Scratch scratch = Scratch.create("guide-mr-hdfs")) {
      for (String id : engines) {
        Path output = scratch.resolve(id);
        // tag::job[]
        JobResult result;
        try (MapReduceEngine engine = GuideEngines.create(id)) {
          result = engine.run(job, fs, List.of(WORDS), output);   // the input is in the store; the output local
        }
        List<KeyValue<String, Long>> counts = JobOutput.read(output, job).get(0);
        // end::job[]
        runs.add(new EngineRun(id, result.splits(), counts));
        print(id, fs, result, counts, out);
      }
    }
    boolean same = runs.stream().allMatch(r -> r.counts().equals(oracle));
    out.printf("every engine's counts equal the oracle's on the same bytes as a local file: %s%n", same);
    return new Outcome(blocks, runs, oracle, across);
  }

  private static void print(String id, DistributedFileSystem fs, JobResult result, List<KeyValue<String, Long>> counts,
      PrintStream out) {
    out.printf("%s: %d map tasks%n", id, result.splits().size());
    for (Split s : result.splits()) {
      List<String> hosts = s.hosts().stream().map(n -> n + "@" + fs.cluster().rackOf(n)).toList();
      out.printf("  %s  [%,5d, %,5d)  run it on one of %s%n", s.task(), s.start(), s.end(), hosts);
    }
    Map<String, Long> top = new LinkedHashMap<>();
    counts.stream().sorted(Comparator.comparing((KeyValue<String, Long> kv) -> -kv.value()).thenComparing(KeyValue::key))
        .limit(4).forEach(kv -> top.put(kv.key(), kv.value()));
    out.printf("  %d distinct words, the most frequent %s%n", counts.size(), top);
  }

  /** Lines that start in one block and end in another. */
  static int linesAcrossBlocks(String text, long blockSize) {
    int across = 0;
    long start = 0;
    for (String line : text.split("\n")) {
      long end = start + line.getBytes(StandardCharsets.UTF_8).length;   // the '\n' at end
      if (start / blockSize != end / blockSize) {
        across++;
      }
      start = end + 1;
    }
    return across;
  }
}

/*
 * How to run it, from the repository root (Hadoop's class path comes from its module):
tag::run[]
./mvnw -q -B install -DskipTests
java $(sed -n 's/^jvm.flags=//p' spec-tests/spi/target/classes/bigdatalab-engine-jvm.properties) \
  -cp "engines-mapreduce/hadoop/target/classes:$(cat engines-mapreduce/hadoop/target/lab-engine.classpath):guide/target/classes:$(cat benchmarks/lab/target/lab.classpath)" \
  org.bigdatalab.guide.Ch03_MapReduceOnHdfs
end::run[]
 */
