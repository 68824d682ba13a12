package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.mapreduce.KeyComparator;
import org.bigdatalab.mapreduce.Reducer;
import org.bigdatalab.mapreduce.TaskContext;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.spi.Codec;

/**
 * Merges sorted runs ({@link SpillFile}s with the same partitions) into one, at most
 * {@code factor} at a time, as Hadoop's {@code io.sort.factor} bounds open files and buffers: with
 * more runs, consecutive groups of {@code factor} are merged into intermediate files first (pass
 * after pass), which keeps the merge stable. A map task merges its spills this way, combining on
 * the way when the job has a combiner; a reduce task uses {@link #narrow} to cut its segments down
 * to {@code factor} before its final, reducing merge.
 *
 * <p>Every merged record is written to a file, so it counts as spilled.
 */
final class SpillMerge<K, V> {
  private final Codec<K> keyCodec;
  private final Codec<V> valueCodec;
  private final KeyComparator<K> order;
  private final Reducer<K, V, K, V> combiner;
  private final int factor;
  private final int readBufferBytes;
  private final byte[] writeBuffer;
  private final SpillNames names;
  private final long[] counts;
  private final Runnable check;
  private final CombineOutput<K, V> combineOutput;

  /**
   * @param combiner applied to every group of every merge, or null
   * @param check    runs now and then; throws to stop the merge when the job is aborted
   */
  SpillMerge(Codec<K> keyCodec, Codec<V> valueCodec, KeyComparator<K> order, Reducer<K, V, K, V> combiner,
      int factor, int readBufferBytes, byte[] writeBuffer, SpillNames names, long[] counts, TaskContext task,
      Runnable check) {
    this.keyCodec = keyCodec;
    this.valueCodec = valueCodec;
    this.order = order;
    this.combiner = combiner;
    this.factor = factor;
    this.readBufferBytes = readBufferBytes;
    this.writeBuffer = writeBuffer;
    this.names = names;
    this.counts = counts;
    this.check = check;
    this.combineOutput = combiner == null ? null : new CombineOutput<>(keyCodec, valueCodec, counts, task);
  }

  /** All runs merged into one (the single run itself when there is one). */
  SpillFile mergeAll(List<SpillFile> runs) throws Exception {
    List<SpillFile> narrowed = narrow(runs);
    if (narrowed.size() == 1) {
      return narrowed.get(0);
    }
    SpillFile merged = merge(narrowed);
    for (SpillFile run : narrowed) {
      names.discard(run.path());
    }
    return merged;
  }

  /** Merges consecutive groups of runs until at most {@code factor} are left; the order of runs is kept. */
  List<SpillFile> narrow(List<SpillFile> runs) throws Exception {
    while (runs.size() > factor) {
      List<SpillFile> next = new ArrayList<>();
      for (int i = 0; i < runs.size(); i += factor) {
        List<SpillFile> group = runs.subList(i, Math.min(runs.size(), i + factor));
        if (group.size() == 1) {
          next.add(group.get(0));
          continue;
        }
        next.add(merge(group));
        for (SpillFile run : group) {
          names.discard(run.path());
        }
      }
      runs = next;
    }
    return runs;
  }

  /** One merge pass: the runs, partition by partition, into a new run. */
  private SpillFile merge(List<SpillFile> runs) throws Exception {
    int partitions = runs.get(0).partitions();
    List<FileChannel> channels = new ArrayList<>(runs.size());
    try {
      for (SpillFile run : runs) {
        channels.add(FileChannel.open(run.path(), StandardOpenOption.READ));
      }
      try (SpillFile.Writer w = new SpillFile.Writer(names.next("merge"), partitions, writeBuffer)) {
        for (int p = 0; p < partitions; p++) {
          List<SpillSegment> segments = new ArrayList<>();
          for (int i = 0; i < runs.size(); i++) {
            SpillFile run = runs.get(i);
            if (run.records()[p] > 0) {
              segments.add(new SpillSegment(i, channels.get(i), false, run.start(p), run.end(p), readBufferBytes));
            }
          }
          if (segments.isEmpty()) {
            continue;
          }
          w.startPartition(p);
          try (KWayMerge<K> merge = new KWayMerge<>(segments, keyCodec, order)) {
            if (combiner != null) {
              merge.reduceGroups(order, valueCodec, combiner, combineOutput.into(w), check);
              counts[TaskCounter.COMBINE_INPUT_RECORDS.ordinal()] += merge.consumed();
            } else {
              copy(merge, w);
            }
          }
        }
        return w.finish();
      }
    } finally {
      for (FileChannel channel : channels) {
        channel.close();
      }
    }
  }

  private void copy(KWayMerge<K> merge, SpillFile.Writer w) throws IOException {
    long n = 0;
    while (merge.advance()) {
      SpillSegment s = merge.current();
      w.write(s.buf, s.keyOff, s.keyLen, s.buf, s.valueOff, s.valueLen);
      if ((++n & 0xFFF) == 0) {
        check.run();
      }
    }
    counts[TaskCounter.SPILLED_RECORDS.ordinal()] += n;
  }
}
