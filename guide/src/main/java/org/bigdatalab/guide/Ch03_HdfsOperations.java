package org.bigdatalab.guide;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bigdatalab.dfs.BlockLocation;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DataNodeSpec;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.dfs.FileStatus;
import org.bigdatalab.dfs.ReplicaLocation;

/*
 * Why: HDFS splits the job of a file system in two. The NameNode holds the namespace (the tree of
 * directories and files, each file's length, block size and replication) and the block map (which
 * blocks make up a file, which DataNodes hold a replica of each). The DataNodes hold the bytes,
 * block by block, and know nothing of file names. A client asks the NameNode where to write or
 * read, then moves the bytes to or from DataNodes directly. The seed guide draws that picture and
 * wraps four client calls in an HDFSManager (upload, read, list, delete) over a WebHDFS URL; this
 * program does the same four things on our own stores, and then shows both halves of the
 * architecture: the namespace as the NameNode answers it, and the blocks as each DataNode holds them.
 *
 * How: start a six-node, two-rack cluster with 1 KiB blocks (HDFS's default is 128 MiB; small
 * blocks make a small file span several), upload a local CSV, list, read back, append, invert the
 * block map into a per-DataNode inventory, delete, and list again. It runs on every DFS engine in
 * the registry: dfs-memory keeps replicas in maps, dfs-local keeps each replica as a file on disk.
 */
public final class Ch03_HdfsOperations {
  static final List<String> ENGINES = List.of("dfs-memory", "dfs-local");

  private Ch03_HdfsOperations() {}

  // tag::cluster[]
  /** The seed's picture, with racks: dn1-dn3 in rack r1, dn4-dn6 in rack r2; the client runs on dn1. */
  static ClusterSpec cluster() {
    return ClusterSpec.builder()
        .rack("r1", "dn1", "dn2", "dn3")
        .rack("r2", "dn4", "dn5", "dn6")
        .blockSize(1024)          // HDFS: 128 MiB; a multiple of the 512-byte checksum chunk
        .replication(3)
        .writerNode("dn1")
        .build();
  }
  // end::cluster[]

  // tag::manager[]
  /** The seed's HDFSManager, on a running store instead of a WebHDFS URL. */
  public static final class HdfsManager {
    private final DistributedFileSystem fs;

    public HdfsManager(DistributedFileSystem fs) { this.fs = fs; }

    /** Copies a local file into the store; refuses to replace an existing file. */
    public void upload(Path local, DfsPath remote) throws IOException {
      try (DfsOutput out = fs.create(remote, false)) {   // creates missing parent directories
        out.write(Files.readAllBytes(local));
      }                                                  // close: the file is complete, the lease released
    }

    public byte[] read(DfsPath remote) throws IOException {
      try (DfsInput in = fs.open(remote)) {
        return in.readRemaining();                      // checksums verified on every block read
      }
    }

    public List<FileStatus> list(DfsPath dir) throws IOException {
      List<FileStatus> children = new ArrayList<>(fs.listStatus(dir));
      children.sort((a, b) -> a.path().compareTo(b.path()));   // listStatus promises no order
      return children;
    }

    /** True when something was deleted; a non-empty directory needs {@code recursive}. */
    public boolean delete(DfsPath remote, boolean recursive) throws IOException {
      return fs.delete(remote, recursive);
    }
  }
  // end::manager[]

  // tag::datanodes[]
  /** The block map turned around: for each DataNode, the blocks it holds a replica of. */
  static Map<String, List<String>> blocksByDataNode(DistributedFileSystem fs, DfsPath file) throws IOException {
    Map<String, List<String>> held = new TreeMap<>();
    for (DataNodeSpec node : fs.cluster().dataNodes()) {
      held.put(node.id(), new ArrayList<>());
    }
    for (BlockLocation block : fs.blockLocations(file)) {
      for (ReplicaLocation replica : block.replicas()) {
        held.get(replica.node()).add(file.name() + "#" + block.index());
      }
    }
    return held;
  }
  // end::datanodes[]

  /** What one engine did with the four operations. */
  public record Outcome(String engine, List<FileStatus> listed, boolean readBackEqual, long lengthAfterAppend,
                        List<BlockLocation> blocks, boolean deleted, boolean deletedAgain,
                        List<FileStatus> listedAfterDelete) {}

  static String csv() {
    StringBuilder text = new StringBuilder("id,city,amount\n");
    for (int i = 1; i <= 120; i++) {
      text.append(i).append(',').append(List.of("Oslo", "Lima", "Pune", "Kobe").get(i % 4)).append(',')
          .append(i * 7 % 100).append('\n');
    }
    return text.toString();
  }

  public static Outcome run(String engineId, PrintStream out) throws Exception {
    try (DfsEngine engine = GuideEngines.create(engineId, DfsEngine.class);
         DistributedFileSystem fs = engine.start(cluster())) {
      return run(engineId, fs, out);
    }
  }

  /** The four operations on a running cluster of {@link #cluster()} (Ch03_MapReduceOnHdfs passes real HDFS). */
  public static Outcome run(String engineId, DistributedFileSystem fs, PrintStream out) throws Exception {
    try (Scratch scratch = Scratch.create("guide-hdfs")) {
      Path local = Files.writeString(scratch.resolve("data.csv"), csv());
      byte[] original = Files.readAllBytes(local);
      // tag::usage[]
      HdfsManager hdfs = new HdfsManager(fs);
      DfsPath data = new DfsPath("/user/hadoop/data.csv");
      hdfs.upload(local, data);
      hdfs.upload(local, new DfsPath("/user/hadoop/copy.csv"));
      List<FileStatus> listed = hdfs.list(new DfsPath("/user/hadoop"));
      boolean same = Arrays.equals(hdfs.read(data), original);
      try (DfsOutput more = fs.append(data)) {           // "write once" allows appends, not in-place edits
        more.write("121,Oslo,47\n".getBytes(StandardCharsets.UTF_8));
      }
      long lengthAfterAppend = fs.getFileStatus(data).length();
      List<BlockLocation> blocks = fs.blockLocations(data);
      Map<String, List<String>> inventory = blocksByDataNode(fs, data);
      boolean deleted = hdfs.delete(new DfsPath("/user/hadoop/copy.csv"), false);
      boolean deletedAgain = hdfs.delete(new DfsPath("/user/hadoop/copy.csv"), false);
      // end::usage[]
      List<FileStatus> after = hdfs.list(new DfsPath("/user/hadoop"));

      out.println("engine " + engineId + ", " + fs.cluster());
      out.println("  list /user/hadoop (the NameNode's namespace):");
      for (FileStatus s : listed) {
        out.printf("    %-26s %,6d bytes  block size %,d  replication %d%n", s.path(), s.length(), s.blockSize(),
            s.replication());
      }
      out.printf("  read /user/hadoop/data.csv back: %,d bytes, equal to the local file: %s%n", original.length, same);
      out.printf("  after appending one line: %,d bytes in %d blocks%n", lengthAfterAppend, blocks.size());
      out.println("  the NameNode's block map for data.csv:");
      for (BlockLocation b : blocks) {
        out.printf("    block %d  offset %,5d  length %,5d  replicas %s%n", b.index(), b.offset(), b.length(), b.replicas());
      }
      out.println("  the same facts as the DataNodes hold them (they know blocks, not file names):");
      inventory.forEach((node, held) -> out.printf("    %s@%s  %s%n", node, fs.cluster().rackOf(node), held));
      out.printf("  delete copy.csv: %s; delete it again: %s; list now: %s%n%n", deleted, deletedAgain,
          after.stream().map(FileStatus::path).toList());
      return new Outcome(engineId, listed, same, lengthAfterAppend, blocks, deleted, deletedAgain, after);
    }
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    for (String id : GuideEngines.available(ENGINES, out)) {
      run(id, out);
    }
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch03_HdfsOperations
end::run[]
 */
