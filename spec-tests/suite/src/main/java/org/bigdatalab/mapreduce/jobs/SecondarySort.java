package org.bigdatalab.mapreduce.jobs;

import org.bigdatalab.mapreduce.KeyComparator;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.Partitioner;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.Codecs;
import org.bigdatalab.spi.Pair;

/**
 * Secondary sort: lines {@code group value}; output, per group, its values in ascending order
 * ({@code g -> "1,3,3,8"}). The value rides in the key (group, value): the sort comparator orders
 * by both, the partitioner and the grouping comparator look at the group only, so one reduce call
 * sees a group's values already sorted.
 */
public final class SecondarySort {
  private SecondarySort() {}

  public static MapReduceJob.Builder<Pair<String, Long>, Long, String, String> builder() {
    KeyComparator<Pair<String, Long>> byGroup = KeyComparator.by(Pair::first);
    KeyComparator<Pair<String, Long>> byGroupThenValue = (a, b) -> {
      int c = a.first().compareTo(b.first());
      return c != 0 ? c : Long.compare(a.second(), b.second());
    };
    Partitioner<Pair<String, Long>> groupPartitioner = (key, n) -> (key.first().hashCode() & Integer.MAX_VALUE) % n;
    return MapReduceJob.<Pair<String, Long>, Long, String, String>builder("secondary-sort")
        .mapper((offset, line, out) -> {
          String[] parts = line.trim().split("\\s+");
          if (parts.length != 2) {
            throw new BadRecordException("record", "expected 'group value', got \"" + line + "\"");
          }
          long value = Codecs.LONG.fromText(parts[1]);
          out.emit(Pair.of(parts[0], value), value);
        })
        .reducer((key, values, out) -> {
          StringBuilder sorted = new StringBuilder();
          for (long v : values) {
            sorted.append(sorted.length() == 0 ? "" : ",").append(v);
          }
          out.emit(key.first(), sorted.toString());
        })
        .partitioner(groupPartitioner)
        .sortComparator(byGroupThenValue)
        .groupingComparator(byGroup)
        .mapOutput(Codecs.pair(Codecs.STRING, Codecs.LONG), Codecs.LONG)
        .output(Codecs.STRING, Codecs.STRING);
  }
}
