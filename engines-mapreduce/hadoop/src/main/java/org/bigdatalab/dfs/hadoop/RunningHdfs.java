package org.bigdatalab.dfs.hadoop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.hdfs.protocol.LocatedBlocks;
import org.apache.hadoop.hdfs.server.blockmanagement.BlockManager;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.bigdatalab.dfs.BlockLocation;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsException;
import org.bigdatalab.dfs.DfsException.Problem;
import org.bigdatalab.dfs.DfsFaults;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.FileStatus;
import org.bigdatalab.dfs.RenameRefusal;
import org.bigdatalab.dfs.ReplicaLocation;

/**
 * One case's view of a running HDFS: the spec's operations as calls of Hadoop's
 * {@code org.apache.hadoop.hdfs.DistributedFileSystem} client, with the case's block size and
 * replication given per file at create (HDFS keeps them per file, so a cluster serves cases with
 * different ones). Closing it hands the cluster back to {@link HdfsStore} for the next case.
 *
 * <p>Block locations come from the NameNode ({@code getLocatedBlocks}); their replicas are put
 * back in pipeline order from {@link PipelineRecorder}'s records (HDFS sorts them by distance to
 * the reader), replicas added later by re-replication after them.
 */
final class RunningHdfs implements org.bigdatalab.dfs.DistributedFileSystem, DfsFaults {

  private final ClusterSpec spec;
  private final MiniHdfs mini;
  private final org.apache.hadoop.hdfs.DistributedFileSystem hdfs;
  private final Runnable onClose;
  /** Replicas this case flipped a byte of, as block id and node; runReplicationCheck waits until HDFS knows them. */
  private final List<Object[]> corrupted = new ArrayList<>();
  private boolean closed;

  /** Where the spec's root lies in HDFS: {@code /} on a MiniDFSCluster, a private directory on a real cluster. */
  private final String base;
  /** Stands in for the NameNode's policy on a real cluster, whose placement this store cannot see: nothing is recorded. */
  private final PipelineRecorder detached = new PipelineRecorder();

  RunningHdfs(ClusterSpec spec, MiniHdfs mini, Runnable onClose) {
    this(spec, mini, mini.client(), "/", onClose);
  }

  /** A case on a real cluster ({@code mini} null) or on a MiniDFSCluster. */
  RunningHdfs(ClusterSpec spec, MiniHdfs mini, org.apache.hadoop.hdfs.DistributedFileSystem hdfs, String base,
              Runnable onClose) {
    this.spec = spec;
    this.mini = mini;
    this.hdfs = hdfs;
    this.base = base.equals("/") ? "" : base;
    this.onClose = onClose;
    writer();
  }

  private PipelineRecorder recorder() { return mini == null ? detached : mini.recorder(); }

  private MiniHdfs embedded() {
    if (mini == null) {
      throw new UnsupportedOperationException("dfs-hdfs injects faults only into its own MiniDFSCluster;"
          + " on a real cluster (fs.defaultFS) stop DataNodes with the cluster's own tools");
    }
    return mini;
  }

  private String nodeName(String xferAddr) {
    String node = mini == null ? null : mini.nodeOfPort(Integer.parseInt(xferAddr.substring(xferAddr.lastIndexOf(':') + 1)));
    return node == null ? xferAddr : node;
  }

  @Override public ClusterSpec cluster() { return spec; }

  private Path hadoop(DfsPath p) { return new Path(src(p)); }

  private String src(DfsPath p) { return p.isRoot() && !base.isEmpty() ? base : base + p.value(); }

  /** The file on this cluster's NameNode, e.g. {@code hdfs://localhost:40427/input/a.txt}: a real job reads it there. */
  @Override public java.util.Optional<java.net.URI> hadoopUri(DfsPath path) {
    return java.util.Optional.of(hdfs.makeQualified(hadoop(path)).toUri());
  }

  private DfsPath ours(Path p) {
    String path = p.toUri().getPath().substring(base.length());
    return new DfsPath(path.isEmpty() ? "/" : path);
  }

  private void writer() {
    if (mini != null) {
      mini.recorder().writeFrom(spec.writer().map(mini::descriptor).orElse(null));
    }
  }

  // tag::guide-hdfs-client[]
  @Override public DfsOutput create(DfsPath path, boolean overwrite) throws IOException {
    writer();
    FSDataOutputStream out;
    try {
      out = hdfs.create(hadoop(path), FsPermission.getFileDefault(), overwrite, 4096, (short) spec.replication(),
          spec.blockSize(), null);
    } catch (IOException e) {
      throw refine(HdfsErrors.map(e, path), path);
    }
    recorder().forget(path.value());
    return new Output(path, out);
  }
  // end::guide-hdfs-client[]

  @Override public DfsOutput append(DfsPath path) throws IOException {
    writer();
    try {
      return new Output(path, hdfs.append(hadoop(path)));
    } catch (IOException e) {
      throw lookup(refine(HdfsErrors.map(e, path), path), path);
    }
  }

  // tag::guide-hdfs-client[]
  @Override public DfsInput open(DfsPath path) throws IOException {
    try {
      return new Input(path, hdfs.open(hadoop(path)));
    } catch (IOException e) {
      throw lookup(refine(HdfsErrors.map(e, path), path), path);
    }
  }
  // end::guide-hdfs-client[]

  /**
   * HDFS answers FileNotFoundException ("Path is not a file") when a directory is opened or
   * appended to, and FileAlreadyExistsException both for mkdirs over a file and over a file's
   * child in some versions: the path's actual state tells which problem it is.
   */
  private IOException refine(IOException e, DfsPath path) throws IOException {
    if (!(e instanceof DfsException d)) {
      return e;
    }
    if (d.problem() == Problem.NOT_FOUND && isDirectory(path)) {
      return new DfsException(Problem.NOT_A_FILE, path, e.getMessage());
    }
    return e;
  }

  /** A lookup through a file (HDFS: AccessControlException "(is not a directory)") finds nothing: NOT_FOUND. */
  private static IOException lookup(IOException e, DfsPath path) {
    if (e instanceof DfsException d && d.problem() == Problem.PARENT_NOT_DIRECTORY) {
      return new DfsException(Problem.NOT_FOUND, path, d.getMessage());
    }
    return e;
  }

  private boolean isDirectory(DfsPath path) throws IOException {
    try {
      return hdfs.getFileStatus(hadoop(path)).isDirectory();
    } catch (java.io.FileNotFoundException | org.apache.hadoop.security.AccessControlException e) {
      return false;
    }
  }

  @Override public boolean mkdirs(DfsPath path) throws IOException {
    try {
      return hdfs.mkdirs(hadoop(path));
    } catch (IOException e) {
      throw HdfsErrors.map(e, path);
    }
  }

  @Override public boolean rename(DfsPath src, DfsPath dst) throws IOException {
    DfsPath target = isDirectory(dst) ? dst.child(src.name()) : dst;
    boolean done;
    try {
      done = hdfs.rename(hadoop(src), hadoop(dst));
    } catch (IOException e) {
      if (refusal(HdfsErrors.unwrap(e))) {
        return false;
      }
      throw HdfsErrors.map(e, src);
    }
    if (done) {
      if (!target.equals(src)) {
        recorder().moved(src.value(), target.value());
      }
    }
    return done;
  }

  /**
   * The refusals HDFS's rename throws instead of answering false: a source or destination through
   * a file ("(is not a directory)"), a destination under the source ("is a directory or file under
   * source"). Hadoop's FileSystem spec allows either answer for these, and HDFS answers false for
   * every other refusal (missing source, existing destination file, missing destination parent), so
   * this store answers false for all of them, as it declares ({@link RenameRefusal#RETURNS_FALSE}).
   * HDFS has changed nothing when it throws them.
   */
  private static boolean refusal(IOException e) {
    String message = String.valueOf(e.getMessage());
    return e instanceof org.apache.hadoop.security.AccessControlException && message.contains("(is not a directory)")
        || e instanceof org.apache.hadoop.fs.ParentNotDirectoryException
        || message.contains("is a directory or file under source");
  }

  // tag::guide-hdfs-client[]
  @Override public boolean delete(DfsPath path, boolean recursive) throws IOException {
    try {
      boolean done = hdfs.delete(hadoop(path), recursive);
      if (done) {
        recorder().moved(path.value(), "/.deleted");
        recorder().forget("/.deleted");
      }
      return done;
    } catch (IOException e) {
      IOException mapped = HdfsErrors.map(e, path);
      if (mapped instanceof DfsException d && d.problem() == Problem.PARENT_NOT_DIRECTORY) {
        return false; // a path through a file does not exist: nothing to delete
      }
      throw mapped;
    }
  }
  // end::guide-hdfs-client[]

  // tag::guide-hdfs-client[]
  @Override public List<FileStatus> listStatus(DfsPath path) throws IOException {
    try {
      List<FileStatus> out = new ArrayList<>();
      for (org.apache.hadoop.fs.FileStatus s : hdfs.listStatus(hadoop(path))) {
        out.add(status(s));
      }
      return out;
    } catch (IOException e) {
      throw lookup(HdfsErrors.map(e, path), path);
    }
  }
  // end::guide-hdfs-client[]

  @Override public FileStatus getFileStatus(DfsPath path) throws IOException {
    try {
      return status(hdfs.getFileStatus(hadoop(path)));
    } catch (IOException e) {
      throw lookup(HdfsErrors.map(e, path), path);
    }
  }

  private FileStatus status(org.apache.hadoop.fs.FileStatus s) {
    DfsPath p = ours(s.getPath());
    return s.isDirectory() ? FileStatus.directory(p) : new FileStatus(p, false, s.getLen(), s.getBlockSize(), s.getReplication());
  }

  private List<LocatedBlock> located(DfsPath file) throws IOException {
    LocatedBlocks blocks;
    try {
      blocks = hdfs.getClient().getLocatedBlocks(src(file), 0, Long.MAX_VALUE);
    } catch (IOException e) {
      throw lookup(refine(HdfsErrors.map(e, file), file), file);
    }
    if (blocks == null) {
      throw new DfsException(Problem.NOT_FOUND, file, "no such file");
    }
    List<LocatedBlock> list = new ArrayList<>(blocks.getLocatedBlocks());
    LocatedBlock last = blocks.getLastLocatedBlock();
    if (last != null && list.stream().noneMatch(b -> b.getStartOffset() == last.getStartOffset())) {
      list.add(last);
    }
    return list;
  }

  @Override public List<BlockLocation> blockLocations(DfsPath file) throws IOException {
    if (isDirectory(file)) {
      throw new DfsException(Problem.NOT_A_FILE, file, "a directory has no blocks");
    }
    List<LocatedBlock> blocks = located(file);
    List<List<String>> pipelines = recorder().pipelines(file.value());
    List<BlockLocation> out = new ArrayList<>();
    int cursor = 0;
    for (int i = 0; i < blocks.size(); i++) {
      LocatedBlock b = blocks.get(i);
      List<String> reported = new ArrayList<>();
      java.util.Map<String, String> racks = new java.util.HashMap<>();
      if (!b.isCorrupt()) {
        for (DatanodeInfo d : b.getLocations()) {
          reported.add(d.getXferAddr());
          racks.put(d.getXferAddr(), d.getNetworkLocation().substring(1));
        }
      }
      // The pipeline of this block: the next recorded one over the same nodes (a pipeline whose
      // block was abandoned is skipped), else the one recorded at this index.
      List<String> order = null;
      for (int j = cursor; j < pipelines.size(); j++) {
        if (new HashSet<>(pipelines.get(j)).equals(new HashSet<>(reported))) {
          order = pipelines.get(j);
          cursor = j + 1;
          break;
        }
      }
      if (order == null && i < pipelines.size()) {
        order = pipelines.get(i);
      }
      Set<String> ordered = new LinkedHashSet<>();
      if (order != null) {
        order.stream().filter(reported::contains).forEach(ordered::add);
      }
      ordered.addAll(reported);
      List<ReplicaLocation> replicas = new ArrayList<>();
      for (String addr : ordered) {
        replicas.add(new ReplicaLocation(nodeName(addr), racks.getOrDefault(addr, "?")));
      }
      out.add(new BlockLocation(i, b.getStartOffset(), b.getBlockSize(), replicas));
    }
    return out;
  }

  @Override public DfsFaults faults() { return this; }

  // faults -------------------------------------------------------------------------------------

  @Override public void stopDataNode(String node) throws IOException { embedded().stopDataNode(node); }

  @Override public void startDataNode(String node) throws IOException { embedded().startDataNode(node); }

  /**
   * Overwrites the replica's block file on {@code node}'s disk with the block's bytes, one of them
   * flipped (the .meta checksum file is left as it was). HDFS finds it when a reader or the
   * DataNode's block scanner verifies that replica.
   */
  @Override public void corruptReplica(DfsPath file, int blockIndex, String node) throws IOException {
    MiniHdfs mini = embedded();
    LocatedBlock block = located(file).get(blockIndex);
    byte[] bytes = new byte[(int) block.getBlockSize()];
    try (FSDataInputStream in = hdfs.open(hadoop(file))) {
      in.readFully(block.getStartOffset(), bytes);
    }
    bytes[bytes.length / 2] ^= 0x5a;
    ExtendedBlock eb = block.getBlock();
    DataNode dn = mini.dataNode(node);
    mini.cluster.getMaterializedReplica(dn, eb).corruptData(bytes);
    corrupted.add(new Object[] {eb.getLocalBlock(), node});
  }

  /**
   * Waits (bounded) until the NameNode knows of every replica this case corrupted, found by a
   * reader or a DataNode's block scanner, then settles the redundancy work: corrupt replicas are
   * replaced and deleted, under-replicated blocks copied, excess replicas removed.
   */
  @Override public void runReplicationCheck() throws IOException {
    MiniHdfs mini = embedded();
    BlockManager bm = mini.cluster.getNamesystem().getBlockManager();
    long deadline = System.currentTimeMillis() + MiniHdfs.CONVERGE_MS;
    for (Object[] c : corrupted) {
      org.apache.hadoop.hdfs.protocol.Block block = (org.apache.hadoop.hdfs.protocol.Block) c[0];
      String node = (String) c[1];
      while (!knownCorrupt(bm, block, node) && System.currentTimeMillis() < deadline) {
        MiniHdfs.pause(50);
      }
    }
    mini.settleRedundancy();
  }

  private boolean knownCorrupt(BlockManager bm, org.apache.hadoop.hdfs.protocol.Block block, String node) {
    if (bm.getStoredBlock(block) == null) {
      return true;
    }
    java.util.Collection<org.apache.hadoop.hdfs.server.blockmanagement.DatanodeDescriptor> bad = bm.getCorruptReplicas(block);
    if (bad == null) {
      return false;
    }
    for (org.apache.hadoop.hdfs.server.blockmanagement.DatanodeDescriptor d : bad) {
      if (node.equals(mini.nodeOfPort(d.getXferPort()))) {
        return true;
      }
    }
    return false;
  }

  @Override public void restartNameNode() throws IOException {
    MiniHdfs mini = embedded();
    mini.cluster.restartNameNode(true);
    mini.cluster.waitActive();
    mini.awaitPlaceable();
    writer();
  }

  @Override public void close() throws IOException {
    if (!closed) {
      closed = true;
      onClose.run();
    }
  }

  // streams ------------------------------------------------------------------------------------

  /**
   * After close, waits (at most {@value #REPORT_WAIT_MS} ms) until the NameNode lists every
   * DataNode of each block's write pipeline. The pipeline acknowledged every byte to the writer
   * already; only the DataNodes' block-received reports may still be on their way (HDFS completes
   * a file once one replica of its last block is reported).
   */
  private void awaitPipelineReports(DfsPath path) throws IOException {
    long deadline = System.currentTimeMillis() + REPORT_WAIT_MS;
    while (System.currentTimeMillis() < deadline) {
      List<List<String>> pipelines = recorder().pipelines(path.value());
      List<LocatedBlock> blocks = located(path);
      boolean all = true;
      for (int i = 0; i < blocks.size() && all; i++) {
        int expected = i < pipelines.size() ? pipelines.get(i).size() : 1;
        all = blocks.get(i).getLocations().length >= expected;
      }
      if (all) {
        return;
      }
      MiniHdfs.pause(10);
    }
  }

  private static final long REPORT_WAIT_MS = 5_000;

  private final class Output implements DfsOutput {
    private final DfsPath path;
    private final FSDataOutputStream out;
    private boolean closed;

    Output(DfsPath path, FSDataOutputStream out) {
      this.path = path;
      this.out = out;
    }

    private void open() throws DfsException {
      if (closed) {
        throw new DfsException(Problem.STREAM_CLOSED, path, "the file was closed; its bytes are final");
      }
    }

    @Override public void write(byte[] bytes, int offset, int length) throws IOException {
      open();
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        throw HdfsErrors.map(e, path);
      }
    }

    @Override public void hflush() throws IOException {
      open();
      try {
        out.hflush();
      } catch (IOException e) {
        throw HdfsErrors.map(e, path);
      }
    }

    @Override public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.close();
      } catch (IOException e) {
        throw HdfsErrors.map(e, path);
      }
      awaitPipelineReports(path);
    }
  }

  private static final class Input implements DfsInput {
    private final DfsPath path;
    private final FSDataInputStream in;

    Input(DfsPath path, FSDataInputStream in) {
      this.path = path;
      this.in = in;
    }

    @Override public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return in.read(buffer, offset, length);
      } catch (java.io.EOFException e) {
        throw e;
      } catch (IOException e) {
        throw HdfsErrors.map(e, path);
      }
    }

    @Override public void seek(long position) throws IOException {
      in.seek(position);
    }

    @Override public long position() throws IOException { return in.getPos(); }

    @Override public void close() throws IOException { in.close(); }
  }
}
