package org.bigdatalab.mapreduce.hadoop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.util.ReflectionUtils;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.mapreduce.BlockSplits;
import org.bigdatalab.mapreduce.Split;

/**
 * The splits a job's input format cuts, as the SPI reports them: numbered as Hadoop's
 * JobSubmitter numbers map tasks (longest split first, a stable sort), files named by their path in
 * the store, and hosts given as the store's DataNode ids (a MiniDFSCluster's DataNodes all share
 * the host 127.0.0.1, which is what Hadoop's own split locations say).
 */
final class ReportedSplits {
  /** For local files: named by their path, no hosts. */
  static final ReportedSplits LOCAL = new ReportedSplits(null, List.of(), List.of());

  private final DistributedFileSystem fs;
  private final Map<String, DfsPath> byPath = new HashMap<>();

  /** For files of {@code fs}; {@code hadoopPaths} are those read through Hadoop's own client. */
  ReportedSplits(DistributedFileSystem fs, List<DfsPath> inputs, List<Path> hadoopPaths) {
    this.fs = fs;
    for (int i = 0; i < inputs.size(); i++) {
      String key = hadoopPaths.size() == inputs.size() ? hadoopPaths.get(i).toUri().getPath() : inputs.get(i).value();
      byPath.put(key, inputs.get(i));
    }
  }

  List<Split> of(Job job, Class<? extends InputFormat<?, ?>> format) throws IOException, InterruptedException {
    List<FileSplit> splits = new ArrayList<>();
    for (InputSplit split : ReflectionUtils.newInstance(format, job.getConfiguration()).getSplits(job)) {
      splits.add((FileSplit) split);
    }
    splits.sort(Comparator.comparingLong(FileSplit::getLength).reversed());
    List<Split> reported = new ArrayList<>();
    for (FileSplit f : splits) {
      String task = Split.mapTaskId(reported.size());
      if (fs == null) {
        reported.add(new Split(task, SpecMapper.displayName(f.getPath()), f.getStart(), f.getLength(), List.of()));
        continue;
      }
      DfsPath file = byPath.get(f.getPath().toUri().getPath());
      if (file == null) {
        throw new IOException("Hadoop cut a split of " + f.getPath() + ", which is none of the job's inputs " + byPath.values());
      }
      reported.add(new Split(task, file.value(), f.getStart(), f.getLength(),
          BlockSplits.hostsAt(fs.blockLocations(file), f.getStart())));
    }
    return reported;
  }

}
