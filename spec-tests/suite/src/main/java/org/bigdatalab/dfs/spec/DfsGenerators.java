package org.bigdatalab.dfs.spec;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsPath;

/**
 * Generators of clusters (racks of DataNodes, replication, block size, writer location), of files
 * sized around block boundaries, and of namespace operations over a small set of paths (so they
 * collide: renames onto existing files, deletes of non-empty directories, files where a directory
 * is expected).
 */
public final class DfsGenerators {
  private DfsGenerators() {}

  /**
   * Clusters of {@code racks} racks of {@code perRack} nodes each (bounds inclusive), replication in
   * {@code [minR, maxR]}, and a writer on one of the nodes when {@code writer} is true, else off the
   * cluster or on a node at random.
   */
  public static Arbitrary<ClusterSpec> clusters(int minRacks, int maxRacks, int minPerRack, int maxPerRack,
                                                int minR, int maxR, Boolean writer) {
    return clusters(rackSizes(minRacks, maxRacks, minPerRack, maxPerRack), minR, maxR, writer);
  }

  /** {@code minRacks}..{@code maxRacks} racks of {@code minPerRack}..{@code maxPerRack} DataNodes each. */
  public static Arbitrary<List<Integer>> rackSizes(int minRacks, int maxRacks, int minPerRack, int maxPerRack) {
    return Arbitraries.integers().between(minPerRack, maxPerRack).list().ofMinSize(minRacks).ofMaxSize(maxRacks);
  }

  /**
   * Clusters whose racks have the sizes {@code rackSizes} draws (rack i+1 holds the next nodes,
   * {@code dn1}, {@code dn2}…), with replication, block size and writer drawn as above. A binding
   * whose clusters are slow to start passes a few fixed shapes here (see
   * {@link DfsSpec#clusters(int, int, int, int, int, int, Boolean)}).
   */
  public static Arbitrary<ClusterSpec> clusters(Arbitrary<List<Integer>> rackSizes, int minR, int maxR, Boolean writer) {
    return clusters(rackSizes, minR, maxR, writer, SMALL_BLOCKS);
  }

  /** Block sizes of most checks: a few blocks hold a file of a kilobyte or two, so files cross boundaries often. */
  public static final List<Long> SMALL_BLOCKS = List.of(512L, 1024L);

  /**
   * Block sizes for reads in large pieces: a block holds two to four 64 KB pieces (the size at
   * which an engine may switch to copying reads in bulk), and 197,120 bytes (385 chunks of 512)
   * ends off a 64 KB boundary. Each is a whole number of checksum chunks, as HDFS requires.
   */
  public static final List<Long> LARGE_BLOCKS = List.of(128L << 10, 385L * 512, 256L << 10);

  /** As {@link #clusters(Arbitrary, int, int, Boolean)}, with the block size drawn from {@code blockSizes}. */
  public static Arbitrary<ClusterSpec> clusters(Arbitrary<List<Integer>> rackSizes, int minR, int maxR, Boolean writer,
                                                List<Long> blockSizes) {
    Arbitrary<Integer> onANode = Arbitraries.integers().between(0, 20);
    Arbitrary<Integer> writerRoll = writer == null ? Arbitraries.oneOf(Arbitraries.just(-1), onANode) : onANode;
    return Combinators.combine(rackSizes, Arbitraries.integers().between(minR, maxR),
            Arbitraries.of(blockSizes), writerRoll)
        .as((sizes, r, blockSize, w) -> {
          ClusterSpec.Builder b = ClusterSpec.builder().replication(r).blockSize(blockSize);
          List<String> ids = new ArrayList<>();
          for (int rack = 0; rack < sizes.size(); rack++) {
            List<String> rackNodes = new ArrayList<>();
            for (int i = 0; i < sizes.get(rack); i++) {
              String id = "dn" + (ids.size() + 1);
              ids.add(id);
              rackNodes.add(id);
            }
            b.rack("rack" + (rack + 1), rackNodes.toArray(String[]::new));
          }
          if (writer == Boolean.FALSE) {
            return b.build();
          }
          return b.writerNode(w < 0 ? null : ids.get(w % ids.size())).build();
        });
  }

  /** Files of 0 to 3 blocks, plus or minus a little, in chunks of 1 to 700 bytes. */
  public static Arbitrary<FileShape> files(int minBlocks, int maxBlocks) {
    Arbitrary<Integer> delta = Arbitraries.oneOf(Arbitraries.of(-1, 0, 1), Arbitraries.integers().between(-511, 511));
    Arbitrary<List<Integer>> chunks = Arbitraries.oneOf(Arbitraries.integers().between(1, 16),
        Arbitraries.integers().between(1, 700)).list().ofMinSize(1).ofMaxSize(4);
    return Combinators.combine(Arbitraries.integers().between(minBlocks, maxBlocks), delta, chunks,
            Arbitraries.of(0, 0, 5, 40), Arbitraries.longs())
        .as(FileShape::new)
        .filter(f -> minBlocks == 0 || f.size(1024) > 0 && f.size(512) > 0);
  }

  /**
   * Files of one to three {@link #LARGE_BLOCKS large blocks}, plus or minus up to about a 64 KB
   * piece (or exactly a block, or a byte off), written in chunks of 1 KB to 100 KB.
   */
  public static Arbitrary<FileShape> largeFiles() {
    Arbitrary<Integer> delta = Arbitraries.oneOf(Arbitraries.of(-1, 0, 1), Arbitraries.integers().between(-70_000, 70_000));
    Arbitrary<List<Integer>> chunks = Arbitraries.integers().between(1 << 10, 100_000).list().ofMinSize(1).ofMaxSize(3);
    return Combinators.combine(Arbitraries.integers().between(1, 3), delta, chunks, Arbitraries.of(0, 0, 5), Arbitraries.longs())
        .as(FileShape::new);
  }

  /** Random bytes, 0 to 1,600 long (a few 512-byte blocks). */
  public static Arbitrary<byte[]> contents() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(1600);
  }

  private static final List<String> NAMES = List.of("a", "b", "c");

  /** Paths one to three components deep over the names a, b, c: 39 paths, so operations collide. */
  public static Arbitrary<DfsPath> paths() {
    return Arbitraries.of(NAMES).list().ofMinSize(1).ofMaxSize(3)
        .map(parts -> new DfsPath("/" + String.join("/", parts)));
  }

  public static Arbitrary<NamespaceOp> ops() {
    Arbitrary<DfsPath> p = paths();
    return Arbitraries.frequencyOf(
        org.bigdatalab.property.Tuple.of(2, p.map(NamespaceOp.Mkdirs::new)),
        org.bigdatalab.property.Tuple.of(3, Combinators.combine(p, Arbitraries.of(true, false), Arbitraries.integers().between(0, 1200),
            Arbitraries.integers()).as(NamespaceOp.Create::new)),
        org.bigdatalab.property.Tuple.of(3, Combinators.combine(p, p).as(NamespaceOp.Rename::new)),
        org.bigdatalab.property.Tuple.of(2, Combinators.combine(p, Arbitraries.of(true, false)).as(NamespaceOp.Delete::new)),
        org.bigdatalab.property.Tuple.of(1, p.map(NamespaceOp.ListStatus::new)),
        org.bigdatalab.property.Tuple.of(1, p.map(NamespaceOp.GetFileStatus::new)));
  }

  public static Arbitrary<List<NamespaceOp>> opLists() {
    return ops().list().ofMinSize(1).ofMaxSize(14);
  }
}
