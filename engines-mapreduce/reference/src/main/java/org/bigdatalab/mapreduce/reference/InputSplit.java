package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.mapreduce.BlockSplits;
import org.bigdatalab.mapreduce.Split;

/**
 * A byte range {@code [start, end)} of one input file, read by one map task. The split owns the
 * lines that start inside {@code (start, end]} (and the line at offset 0 for the first split), so
 * every line belongs to exactly one split whatever the cut points (see {@link SplitLineReader}).
 *
 * @param hosts the DataNodes holding the split's first block (empty for local files)
 */
public record InputSplit(int index, SplitFile file, long start, long end, List<String> hosts) {

  public InputSplit {
    hosts = List.copyOf(hosts);
  }

  /** Cuts every local file into splits of at most {@code maxBytes}; an empty file still gets one split. */
  public static List<InputSplit> plan(List<Path> files, long maxBytes) throws IOException {
    List<InputSplit> splits = new ArrayList<>();
    for (Path file : files) {
      SplitFile source = SplitFile.local(file);
      long length = Files.size(file);
      long start = 0;
      do {
        long end = Math.min(length, start + maxBytes);
        splits.add(new InputSplit(splits.size(), source, start, end, List.of()));
        start = end;
      } while (start < length);
    }
    return splits;
  }

  /** Cuts files of a distributed file system along their blocks, as {@link BlockSplits} says. */
  public static List<InputSplit> plan(DistributedFileSystem fs, List<DfsPath> files, long maxBytes) throws IOException {
    List<InputSplit> splits = new ArrayList<>();
    java.util.Map<String, SplitFile> sources = new java.util.HashMap<>();
    for (DfsPath file : files) {
      sources.putIfAbsent(file.value(), SplitFile.dfs(fs, file));
    }
    for (Split s : BlockSplits.plan(fs, files, maxBytes)) {
      splits.add(new InputSplit(splits.size(), sources.get(s.file()), s.start(), s.end(), s.hosts()));
    }
    return splits;
  }

  /** Plans a job's splits; engines call it once the output directory is known to be new. */
  public interface Plan {
    List<InputSplit> splits() throws IOException;
  }

  public String taskId() {
    return Split.mapTaskId(index);
  }

  /** The split as a job result reports it. */
  public Split report() {
    return new Split(taskId(), file.location(), start, end - start, hosts);
  }

  /** The reports of a job's splits. */
  public static List<Split> reports(List<InputSplit> splits) {
    return splits.stream().map(InputSplit::report).toList();
  }
}
