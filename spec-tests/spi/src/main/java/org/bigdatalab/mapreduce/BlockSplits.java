package org.bigdatalab.mapreduce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.dfs.BlockLocation;
import org.bigdatalab.dfs.DfsException;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.dfs.FileStatus;

/**
 * How a job's input in a distributed file system is cut into splits: Hadoop's FileInputFormat
 * rule, so that every engine (and Hadoop itself) cuts the same bytes the same way.
 *
 * <ol>
 *   <li>The split size is {@code min(job.maxSplitBytes(), the file's block size)}: with the
 *       default maximum, one split per block.</li>
 *   <li>Splits are cut from offset 0 while more than 1.1 split sizes remain (Hadoop's
 *       {@code SPLIT_SLOP}); the rest, up to 1.1 split sizes, is the last split, so a small tail
 *       block does not become a task of its own.</li>
 *   <li>A split's hosts are the DataNodes holding the block its first byte lies in.</li>
 *   <li>An empty file is one empty split with no hosts.</li>
 * </ol>
 *
 * <p>Example: 2,600 bytes in 1,024-byte blocks on dn1, dn3 / dn2, dn4 / dn3, dn1 give splits
 * [0, 1024) on [dn1, dn3], [1024, 2048) on [dn2, dn4] and [2048, 2600) on [dn3, dn1]; lines
 * that cross 1,024 or 2,048 are read by the split they start in.
 */
public final class BlockSplits {
  /** Hadoop's FileInputFormat.SPLIT_SLOP. */
  public static final double SPLIT_SLOP = 1.1;

  private BlockSplits() {}

  /** The splits of {@code files}, in order, numbered as map tasks from 0. */
  public static List<Split> plan(DistributedFileSystem fs, List<DfsPath> files, long maxSplitBytes) throws IOException {
    if (maxSplitBytes < 1) {
      throw new IllegalArgumentException("maxSplitBytes must be positive, got " + maxSplitBytes);
    }
    List<Split> splits = new ArrayList<>();
    for (DfsPath file : files) {
      FileStatus status = fs.getFileStatus(file);
      if (status.directory()) {
        throw new DfsException(DfsException.Problem.NOT_A_FILE, file, "a job's input must be a file");
      }
      List<BlockLocation> blocks = fs.blockLocations(file);
      long length = status.length();
      if (length == 0) {
        splits.add(new Split(Split.mapTaskId(splits.size()), file.value(), 0, 0, List.of()));
        continue;
      }
      long splitSize = Math.min(maxSplitBytes, status.blockSize());
      long remaining = length;
      while ((double) remaining / splitSize > SPLIT_SLOP) {
        long start = length - remaining;
        splits.add(new Split(Split.mapTaskId(splits.size()), file.value(), start, splitSize, hostsAt(blocks, start)));
        remaining -= splitSize;
      }
      long start = length - remaining;
      splits.add(new Split(Split.mapTaskId(splits.size()), file.value(), start, remaining, hostsAt(blocks, start)));
    }
    return splits;
  }

  /** The replica nodes of the block that holds byte {@code offset}. */
  public static List<String> hostsAt(List<BlockLocation> blocks, long offset) {
    for (BlockLocation block : blocks) {
      if (offset >= block.offset() && offset < block.offset() + block.length()) {
        return block.nodes();
      }
    }
    return List.of();
  }
}
