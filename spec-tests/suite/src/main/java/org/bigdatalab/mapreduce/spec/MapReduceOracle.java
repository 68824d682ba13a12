package org.bigdatalab.mapreduce.spec;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.mapreduce.Collector;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.TaskContext;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.Codec;
import org.bigdatalab.spi.InputFormatException;
import org.bigdatalab.spi.KeyValue;

/**
 * The MapReduce model with nothing else: map every line, put each pair in its partition, sort each
 * partition (stably) by the sort comparator, cut it into groups under the grouping comparator,
 * reduce each group. No files, no splits, no combiner, no threads: obvious by construction, and
 * the reference every engine is compared with. Output goes through the output codecs' text form, as
 * an engine's output file would.
 */
public final class MapReduceOracle {
  private MapReduceOracle() {}

  /** The expected outcome of a job. */
  public record Expected<KO, VO>(List<List<KeyValue<KO, VO>>> partitions, long mapInputRecords,
                                 long mapOutputRecords, long skippedRecords, long reduceGroups) {
    public long outputRecords() {
      return partitions.stream().mapToLong(List::size).sum();
    }
  }

  public static <KM, VM, KO, VO> Expected<KO, VO> run(MapReduceJob<KM, VM, KO, VO> job, List<InputFile> inputs)
      throws Exception {
    List<List<KeyValue<KM, VM>>> shuffled = new ArrayList<>();
    for (int p = 0; p < job.numReducers(); p++) {
      shuffled.add(new ArrayList<>());
    }
    long inputRecords = 0;
    long outputRecords = 0;
    long skipped = 0;
    for (InputFile file : inputs) {
      List<KeyValue<KM, VM>> emitted = new ArrayList<>();
      Collector<KM, VM> collector = collector(emitted, context("m-00000", file.name()));
      for (InputFile.Line line : file.lines()) {
        inputRecords++;
        try {
          job.mapper().map(line.offset(), line.text(), collector);
        } catch (BadRecordException bad) {
          if (!job.skipBadRecords()) {
            throw InputFormatException.at(file.name(), line.number(), bad);
          }
          skipped++;
        }
      }
      for (KeyValue<KM, VM> kv : emitted) {
        shuffled.get(job.partitioner().partition(kv.key(), job.numReducers())).add(kv);
      }
      outputRecords += emitted.size();
    }

    List<List<KeyValue<KO, VO>>> partitions = new ArrayList<>();
    long groups = 0;
    for (List<KeyValue<KM, VM>> partition : shuffled) {
      partition.sort((a, b) -> job.sortComparator().compare(a.key(), b.key()));
      List<KeyValue<KO, VO>> out = new ArrayList<>();
      Collector<KO, VO> collector = collector(out, context("r-00000", ""));
      int start = 0;
      while (start < partition.size()) {
        KM first = partition.get(start).key();
        int end = start;
        List<VM> values = new ArrayList<>();
        while (end < partition.size() && job.groupingComparator().compare(first, partition.get(end).key()) == 0) {
          values.add(partition.get(end).value());
          end++;
        }
        job.reducer().reduce(first, values, collector);
        groups++;
        start = end;
      }
      partitions.add(throughText(out, job.outputKeyCodec(), job.outputValueCodec()));
    }
    return new Expected<>(partitions, inputRecords, outputRecords, skipped, groups);
  }

  private static <K, V> List<KeyValue<K, V>> throughText(List<KeyValue<K, V>> records, Codec<K> keys, Codec<V> values) {
    return records.stream()
        .map(kv -> KeyValue.of(keys.fromText(keys.toText(kv.key())), values.fromText(values.toText(kv.value()))))
        .toList();
  }

  private static <K, V> Collector<K, V> collector(List<KeyValue<K, V>> sink, TaskContext task) {
    return new Collector<>() {
      @Override public void emit(K key, V value) { sink.add(KeyValue.of(key, value)); }
      @Override public TaskContext task() { return task; }
    };
  }

  private static TaskContext context(String taskId, String inputFile) {
    return new TaskContext() {
      @Override public String taskId() { return taskId; }
      @Override public int attempt() { return 0; }
      @Override public String inputFile() { return inputFile; }
    };
  }
}
