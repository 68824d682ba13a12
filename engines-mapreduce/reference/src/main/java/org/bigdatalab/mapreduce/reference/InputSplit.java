package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A byte range {@code [start, end)} of one input file, read by one map task. The split owns the
 * lines that start inside {@code (start, end]} (and the line at offset 0 for the first split), so
 * every line belongs to exactly one split whatever the cut points (see {@link SplitLineReader}).
 */
public record InputSplit(int index, Path file, long start, long end) {

  /** Cuts every file into splits of at most {@code maxBytes}; an empty file still gets one split. */
  public static List<InputSplit> plan(List<Path> files, long maxBytes) throws IOException {
    List<InputSplit> splits = new ArrayList<>();
    for (Path file : files) {
      long length = Files.size(file);
      long start = 0;
      do {
        long end = Math.min(length, start + maxBytes);
        splits.add(new InputSplit(splits.size(), file, start, end));
        start = end;
      } while (start < length);
    }
    return splits;
  }

  public String taskId() {
    return String.format("m-%05d", index);
  }
}
