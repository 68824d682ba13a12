package org.bigdatalab.dfs.reference;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.bigdatalab.dfs.BlockLocation;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DataNodeSpec;
import org.bigdatalab.dfs.DfsException;
import org.bigdatalab.dfs.DfsException.Problem;
import org.bigdatalab.dfs.DfsFaults;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.dfs.FileStatus;
import org.bigdatalab.dfs.RenameRefusal;
import org.bigdatalab.dfs.ReplicaLocation;

/**
 * One running reference cluster: a NameNode (a {@link Namespace}, a {@link Journal}, a
 * {@link BlockPlacement}) and DataNodes (each a {@link BlockStore}), in one process. Both
 * {@code dfs-memory} and {@code dfs-local} are this class with different stores and journals.
 * NameNode operations are serialized: it is an oracle, written to be obviously right. Block bytes
 * stream outside that lock, as they do in HDFS (where they never pass through the NameNode):
 * writers send packets to their {@link Pipeline}, readers read replicas they opened under it.
 */
class ReferenceCluster implements DistributedFileSystem, DfsFaults {

  /** How one DataNode's store is made. */
  interface StoreFactory {
    BlockStore create(DataNodeSpec node) throws IOException;
  }

  private final ClusterSpec spec;
  private final Map<String, DataNode> nodes = new LinkedHashMap<>();
  private final BlockPlacement placement;
  private final Journal journal;
  private final RenameRefusal refusal;
  private final Closeable onClose;
  private final Random random;
  private Namespace ns = new Namespace();

  ReferenceCluster(ClusterSpec spec, StoreFactory stores, BlockPlacement placement, Journal journal,
                   RenameRefusal refusal, Closeable onClose) throws IOException {
    this.spec = Objects.requireNonNull(spec, "spec");
    for (DataNodeSpec n : spec.dataNodes()) {
      nodes.put(n.id(), new DataNode(n, stores.create(n)));
    }
    this.placement = placement;
    this.journal = journal;
    this.refusal = refusal;
    this.onClose = onClose;
    this.random = new Random(spec.hashCode());
  }

  /** Whether readers check replicas against their checksums; the broken reader says no. */
  protected boolean verifiesChecksums() { return true; }

  /** How a reader checks a piece of a replica: {@link Checksums#firstBadChunk}; a broken reader checks less. */
  protected int firstBadChunk(ByteBuffer piece, ByteBuffer sums) { return Checksums.firstBadChunk(piece, sums); }

  @Override public ClusterSpec cluster() { return spec; }

  @Override public DfsFaults faults() { return this; }

  // namespace ---------------------------------------------------------------------------------

  @Override public synchronized DfsOutput create(DfsPath p, boolean overwrite) throws IOException {
    if (p.isRoot() || ns.isDirectory(p)) {
      throw new DfsException(Problem.ALREADY_EXISTS, p, "a directory exists there");
    }
    DfsPath fileAncestor = ns.fileAncestor(p);
    if (fileAncestor != null) {
      throw new DfsException(Problem.PARENT_NOT_DIRECTORY, p, "parent " + fileAncestor + " is a file");
    }
    Namespace.FileInode existing = ns.file(p);
    if (existing != null && existing.open && !overwrite) {
      throw new DfsException(Problem.LEASE_HELD, p, "the file is open for writing by another writer");
    }
    if (existing != null && !overwrite) {
      throw new DfsException(Problem.ALREADY_EXISTS, p, "the file exists (create with overwrite to replace it)");
    }
    apply(Edit.create(p));
    return new ReferenceOutput(this, ns.file(p), p, null, null);
  }

  @Override public synchronized DfsOutput append(DfsPath p) throws IOException {
    Namespace.FileInode f = existingFile(p);
    if (f.open) {
      throw new DfsException(Problem.LEASE_HELD, p, "the file is open for writing by another writer");
    }
    BlockInfo last = f.blocks.isEmpty() ? null : f.blocks.get(f.blocks.size() - 1);
    boolean partial = last != null && last.length < spec.blockSize();
    byte[] tail = partial ? partialChunk(p, last) : null;
    apply(Edit.append(p));
    return new ReferenceOutput(this, f, p, partial ? last : null, tail);
  }

  /**
   * The bytes of a block's last chunk when it is partial (none when the block ends on a chunk
   * boundary), read and checked like any read: an append re-sends them with the new bytes, since
   * the chunk's checksum changes as it grows; the whole chunks before stay where they are.
   */
  private byte[] partialChunk(DfsPath p, BlockInfo block) throws IOException {
    try (ReferenceInput in = new ReferenceInput(this, p, List.of(new ReferenceInput.Extent(block.id, 0, block.length)))) {
      in.seek(Checksums.chunkFloor(block.length));
      return in.readRemaining();
    }
  }

  @Override public synchronized DfsInput open(DfsPath p) throws IOException {
    Namespace.FileInode f = existingFile(p);
    List<ReferenceInput.Extent> extents = new ArrayList<>();
    long offset = 0;
    for (BlockInfo b : f.blocks) {
      extents.add(new ReferenceInput.Extent(b.id, offset, b.length));
      offset += b.length;
    }
    return new ReferenceInput(this, p, extents);
  }

  @Override public synchronized boolean mkdirs(DfsPath p) throws IOException {
    if (ns.file(p) != null) {
      throw new DfsException(Problem.ALREADY_EXISTS, p, "a file exists there");
    }
    DfsPath fileAncestor = ns.fileAncestor(p);
    if (fileAncestor != null) {
      throw new DfsException(Problem.PARENT_NOT_DIRECTORY, p, "parent " + fileAncestor + " is a file");
    }
    if (!ns.isDirectory(p)) {
      apply(Edit.mkdirs(p));
    }
    return true;
  }

  @Override public synchronized boolean rename(DfsPath src, DfsPath dst) throws IOException {
    if (src.isRoot()) {
      return refuse(Problem.INVALID_PATH, src, "the root cannot be renamed");
    }
    if (!ns.exists(src)) {
      return refuse(Problem.NOT_FOUND, src, "no such file or directory to rename");
    }
    DfsPath target = ns.isDirectory(dst) ? dst.child(src.name()) : dst;
    if (target.equals(src)) {
      return true;
    }
    if (target.isUnder(src)) {
      return refuse(Problem.INVALID_PATH, target, "a directory cannot move into its own subtree " + src);
    }
    if (ns.exists(target)) {
      return refuse(Problem.ALREADY_EXISTS, target, "rename never replaces an existing file");
    }
    if (!ns.isDirectory(target.parent())) {
      return ns.fileAncestor(target) != null
          ? refuse(Problem.PARENT_NOT_DIRECTORY, target, "a parent is a file")
          : refuse(Problem.NOT_FOUND, target, "the destination's parent directory does not exist");
    }
    apply(Edit.rename(src, target));
    return true;
  }

  private boolean refuse(Problem problem, DfsPath p, String why) throws DfsException {
    if (refusal == RenameRefusal.THROWS) {
      throw new DfsException(problem, p, "rename refused: " + why);
    }
    return false;
  }

  @Override public synchronized boolean delete(DfsPath p, boolean recursive) throws IOException {
    if (p.isRoot()) {
      throw new DfsException(Problem.INVALID_PATH, p, "the root cannot be deleted");
    }
    if (!ns.exists(p)) {
      return false;
    }
    if (ns.isDirectory(p) && !recursive && !ns.children(p).isEmpty()) {
      throw new DfsException(Problem.DIRECTORY_NOT_EMPTY, p, "the directory is not empty (delete recursively)");
    }
    apply(Edit.delete(p));
    return true;
  }

  @Override public synchronized List<FileStatus> listStatus(DfsPath p) throws IOException {
    if (!ns.exists(p)) {
      throw new DfsException(Problem.NOT_FOUND, p, "no such file or directory");
    }
    if (!ns.isDirectory(p)) {
      return List.of(getFileStatus(p));
    }
    List<FileStatus> out = new ArrayList<>();
    for (DfsPath child : ns.children(p)) {
      out.add(getFileStatus(child));
    }
    return out;
  }

  @Override public synchronized FileStatus getFileStatus(DfsPath p) throws IOException {
    if (ns.isDirectory(p)) {
      return FileStatus.directory(p);
    }
    Namespace.FileInode f = ns.file(p);
    if (f == null) {
      throw new DfsException(Problem.NOT_FOUND, p, "no such file or directory");
    }
    return new FileStatus(p, false, f.length(), spec.blockSize(), spec.replication());
  }

  @Override public synchronized List<BlockLocation> blockLocations(DfsPath p) throws IOException {
    Namespace.FileInode f = existingFile(p);
    List<BlockLocation> out = new ArrayList<>();
    long offset = 0;
    for (int i = 0; i < f.blocks.size(); i++) {
      BlockInfo b = f.blocks.get(i);
      List<ReplicaLocation> replicas = new ArrayList<>();
      for (String n : b.replicas) {
        if (nodes.get(n).alive() && !b.corrupt.contains(n)) {
          replicas.add(new ReplicaLocation(n, nodes.get(n).rack()));
        }
      }
      out.add(new BlockLocation(i, offset, b.length, replicas));
      offset += b.length;
    }
    return out;
  }

  private Namespace.FileInode existingFile(DfsPath p) throws DfsException {
    if (ns.isDirectory(p)) {
      throw new DfsException(Problem.NOT_A_FILE, p, "is a directory");
    }
    Namespace.FileInode f = ns.file(p);
    if (f == null) {
      throw new DfsException(Problem.NOT_FOUND, p, "no such file");
    }
    return f;
  }

  private void apply(Edit edit) throws IOException {
    List<BlockInfo> freed = ns.apply(edit);
    journal.log(edit);
    for (BlockInfo b : freed) {
      for (String n : b.replicas) {
        if (nodes.get(n).alive()) {
          nodes.get(n).store().delete(b.id);
        }
      }
    }
  }

  // the write and read paths -------------------------------------------------------------------

  /** Starts a new block of a file being written: its id and targets, where HDFS's addBlock chooses them. */
  synchronized Pipeline startBlock(Namespace.FileInode file, DfsPath openedAs) throws IOException {
    DfsPath path = leasedPath(file, openedAs);
    List<DataNode> targets = chooseNewTargets(path);
    long id = ns.newBlockId();
    apply(Edit.nextId(id + 1)); // persisted, so no restart hands the id out again: replicas being written own their names
    return pipeline(id, targets, 0);
  }

  /**
   * Continues a published block (written to after an hflush, or appended to) on its live replicas
   * not known to be corrupt, each starting from its own copy of the block's first {@code keep} bytes.
   */
  synchronized Pipeline continueBlock(Namespace.FileInode file, DfsPath openedAs, long blockId, long keep) throws IOException {
    DfsPath path = leasedPath(file, openedAs);
    BlockInfo b = ns.block(blockId);
    List<DataNode> targets = new ArrayList<>();
    for (String n : b.replicas) {
      DataNode dn = nodes.get(n);
      if (dn.alive() && !b.corrupt.contains(n) && dn.store().length(blockId) >= keep) {
        targets.add(dn);
      }
    }
    if (targets.isEmpty()) {
      throw new DfsException(Problem.NO_HEALTHY_REPLICA, path, "no live, healthy replica of " + b + " to write on from");
    }
    return pipeline(blockId, targets, keep);
  }

  /** The pipeline of a block's replicas; each is opened where its first packet is written ({@link Pipeline}). */
  private Pipeline pipeline(long blockId, List<DataNode> targets, long keep) {
    return newPipeline(blockId, targets, t -> t.store().write(blockId, keep));
  }

  /** The pipeline over a block's replica writers; a broken writer acknowledges packets differently. */
  protected Pipeline newPipeline(long blockId, List<DataNode> targets, Pipeline.Opener opener) {
    return new Pipeline(blockId, targets, opener);
  }

  /**
   * Makes the first {@code length} bytes of a pipeline's block visible: its replicas on targets
   * still running are put in place (those on stopped ones dropped, as HDFS's pipeline recovery drops
   * a failed DataNode) and the block's length recorded. The pipeline is finished either way.
   */
  synchronized void publish(Namespace.FileInode file, DfsPath openedAs, Pipeline pipeline, long length) throws IOException {
    List<DataNode> published = new ArrayList<>();
    try {
      pipeline.awaitAcks(); // the writer awaited them outside this lock already: no replica is still being written
      DfsPath path = leasedPath(file, openedAs);
      for (int i = 0; i < pipeline.targets().size(); i++) {
        if (pipeline.targets().get(i).alive()) {
          pipeline.writer(i).publish();
          published.add(pipeline.targets().get(i));
        } else {
          pipeline.writer(i).abort();
        }
      }
      if (published.isEmpty()) {
        throw new DfsException(Problem.NO_LIVE_DATANODES, path, "every DataNode writing blk_" + pipeline.blockId()
            + " " + pipeline.targets() + " stopped before the block was complete");
      }
      apply(Edit.block(path, pipeline.blockId(), length));
    } catch (IOException | RuntimeException e) {
      pipeline.abort();
      throw e;
    }
    BlockInfo info = ns.block(pipeline.blockId());
    info.replicas.clear();
    published.forEach(t -> info.replicas.add(t.id()));
  }

  private List<DataNode> chooseNewTargets(DfsPath path) throws IOException {
    List<DataNode> live = liveNodes();
    if (live.isEmpty()) {
      throw new DfsException(Problem.NO_LIVE_DATANODES, path, "no live DataNodes (" + nodes.size() + " configured, all stopped)");
    }
    List<DataNode> eligible = new ArrayList<>();
    for (DataNode n : live) {
      if (n.hasRoomFor(spec.blockSize())) {
        eligible.add(n);
      }
    }
    DataNode writer = spec.writer().map(nodes::get).orElse(null);
    List<DataNode> targets = eligible.isEmpty() ? List.of() : placement.chooseTargets(new PlacementRequest(
        spec.replication(), List.of(), writer, eligible, live.size(), racks(live), random));
    if (targets.isEmpty()) {
      throw new DfsException(Problem.NOT_ENOUGH_SPACE, path, "no live DataNode has room for a block of "
          + spec.blockSize() + " bytes (" + live.size() + " live)");
    }
    return targets;
  }

  synchronized void complete(Namespace.FileInode file, DfsPath openedAs) throws IOException {
    apply(Edit.close(leasedPath(file, openedAs)));
  }

  private DfsPath leasedPath(Namespace.FileInode file, DfsPath openedAs) throws DfsException {
    DfsPath now = ns.pathOf(file);
    if (now == null || !file.open) {
      throw new DfsException(Problem.LEASE_HELD, openedAs,
          "lease lost: the file was deleted, overwritten or recovered while open for writing");
    }
    return now;
  }

  /** One replica open for a reader, and the DataNode it is on. */
  record OpenReplica(String node, ReplicaReader reader) {}

  /**
   * Opens the first replica of a block, in placement order, that is on a running DataNode, not known
   * to be corrupt, not in {@code tried}, and holds at least {@code length} bytes.
   */
  synchronized OpenReplica openReplica(DfsPath path, long blockId, long length, Set<String> tried) throws IOException {
    BlockInfo b = ns.block(blockId);
    if (b == null) {
      throw new DfsException(Problem.NO_HEALTHY_REPLICA, path, "blk_" + blockId + " no longer exists");
    }
    IOException failure = null;
    for (String n : b.replicas) {
      DataNode dn = nodes.get(n);
      if (!dn.alive() || b.corrupt.contains(n) || tried.contains(n) || dn.store().length(blockId) < length) {
        continue;
      }
      try {
        Optional<ReplicaReader> reader = dn.store().open(blockId);
        if (reader.isPresent()) {
          return new OpenReplica(n, reader.get());
        }
      } catch (IOException e) {
        failure = e;
      }
    }
    DfsException e = new DfsException(Problem.NO_HEALTHY_REPLICA, path, "no live, healthy replica of " + b
        + (tried.isEmpty() ? "" : " (tried " + tried + ")"));
    if (failure != null) {
      e.addSuppressed(failure);
    }
    throw e;
  }

  /** A reader found a replica failing its checksums: it is not read again and the replication check replaces it. */
  synchronized void reportCorrupt(long blockId, String node) {
    BlockInfo b = ns.block(blockId);
    if (b != null) {
      b.corrupt.add(node);
    }
  }

  /** Whether a DataNode is running, so a reader holding one of its replicas may go on reading it. */
  synchronized boolean reachable(String node) {
    return nodes.get(node).alive();
  }

  /** Whether any DataNode is running. */
  synchronized boolean anyLiveDataNode() {
    return !liveNodes().isEmpty();
  }

  private List<DataNode> liveNodes() {
    return nodes.values().stream().filter(DataNode::alive).toList();
  }

  private static int racks(List<DataNode> live) {
    return (int) live.stream().map(DataNode::rack).distinct().count();
  }

  // faults ------------------------------------------------------------------------------------

  private DataNode node(String id) {
    DataNode n = nodes.get(id);
    if (n == null) {
      throw new IllegalArgumentException("no DataNode '" + id + "'; known: " + nodes.keySet());
    }
    return n;
  }

  @Override public synchronized void stopDataNode(String id) { node(id).setAlive(false); }

  @Override public synchronized void startDataNode(String id) throws IOException {
    DataNode n = node(id);
    n.setAlive(true);
    blockReport(n);
  }

  /** A DataNode tells the NameNode what it holds; stale, corrupt-marked and unknown replicas are deleted. */
  private void blockReport(DataNode n) throws IOException {
    for (long id : n.store().blockIds()) {
      BlockInfo b = ns.block(id);
      if (b == null || n.store().length(id) != b.length || b.corrupt.remove(n.id())) {
        n.store().delete(id);
        if (b != null) {
          b.replicas.remove(n.id());
        }
      } else if (!b.replicas.contains(n.id())) {
        b.replicas.add(n.id());
      }
    }
  }

  @Override public synchronized void corruptReplica(DfsPath file, int blockIndex, String nodeId) throws IOException {
    Namespace.FileInode f = existingFile(file);
    if (blockIndex < 0 || blockIndex >= f.blocks.size()) {
      throw new IllegalArgumentException(file + " has " + f.blocks.size() + " blocks; no block " + blockIndex);
    }
    BlockInfo b = f.blocks.get(blockIndex);
    DataNode n = node(nodeId);
    if (n.store().length(b.id) < 0) {
      throw new IllegalArgumentException(nodeId + " holds no replica of block " + blockIndex + " of " + file);
    }
    n.store().corrupt(b.id, Math.toIntExact(b.length / 2));
  }

  /** One pass of the replication monitor; see {@link ReplicationMonitor}. */
  @Override public synchronized void runReplicationCheck() throws IOException {
    new ReplicationMonitor(spec, nodes, placement, random).run(ns);
  }

  @Override public synchronized void restartNameNode() throws IOException {
    ns = journal.recover();
    for (DataNode n : liveNodes()) {
      blockReport(n);
    }
  }

  private final PacketBuffers packetBuffers = new PacketBuffers();

  /** Writers' packet buffers, reused from closed writers. */
  PacketBuffers packetBuffers() {
    return packetBuffers;
  }

  private final ReadHelper readHelper = new ReadHelper();

  /** The thread that shares readers' bulk reads (copy and check) with them: {@link CheckedCopy}. */
  ReadHelper readHelper() {
    return readHelper;
  }

  @Override public void close() throws IOException {
    readHelper.close();
    try {
      for (DataNode n : nodes.values()) {
        n.store().close();
      }
    } finally {
      onClose.close();
    }
  }
}
