package org.bigdatalab.mapreduce;

import java.util.List;
import java.util.Objects;

/**
 * One map task's share of the input, as the engine cut it: bytes {@code [start, start + length)}
 * of {@code file}. The task reads the lines that start in that range (the first split of a file
 * also the line at 0), finishing its last line past the end if need be.
 *
 * @param task  the map task that read it, e.g. {@code m-00003}
 * @param file  the local path, or the path in the distributed file system
 * @param hosts the DataNodes holding a replica of the block the split starts in (where a scheduler
 *              would run the task to read locally); empty for local files
 */
public record Split(String task, String file, long start, long length, List<String> hosts) {
  public Split {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(file, "file");
    hosts = List.copyOf(hosts);
    if (start < 0 || length < 0) {
      throw new IllegalArgumentException("split of " + file + " at " + start + " of length " + length);
    }
  }

  public long end() { return start + length; }

  /** The SPI's spelling of map task {@code index}: {@code m-00003}. */
  public static String mapTaskId(int index) {
    return String.format("m-%05d", index);
  }

  @Override public String toString() {
    return task + " " + file + " [" + start + ", " + end() + ")" + (hosts.isEmpty() ? "" : " on " + hosts);
  }
}
