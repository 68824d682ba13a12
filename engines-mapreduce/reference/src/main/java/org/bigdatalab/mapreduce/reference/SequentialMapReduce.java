package org.bigdatalab.mapreduce.reference;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.mapreduce.Collector;
import org.bigdatalab.mapreduce.Counters;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.Reducer;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.InputFormatException;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Topic;

/**
 * {@code mr-sequential}: the simple engine. One thread; map tasks one split at a time, each task's
 * output held in memory, combined once per task and partition; then each partition sorted (stably),
 * grouped and reduced into a staged file, committed at the end. Slow and memory-bound, but every
 * step is the textbook one, which makes it the baseline other engines are judged against.
 *
 * <p>Protected hooks exist only so the suite's self-tests can break one step at a time.
 */
public class SequentialMapReduce extends SplitPlanningMapReduce {
  public static final EngineInfo INFO = EngineInfo.builder("mr-sequential", Topic.MAPREDUCE)
      .displayName("Sequential MapReduce (reference)")
      .description("One thread, in-memory shuffle, staged commit. Simple on purpose.")
      .build();

  @Override
  public EngineInfo info() {
    return INFO;
  }

  @Override
  protected <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, InputSplit.Plan plan, Path outputDir)
      throws JobFailedException {
    long started = System.nanoTime();
    List<InputSplit> splits;
    Counters.Accumulator counters = new Counters.Accumulator();
    int[] failedAttempts = {0};
    try (StagedOutput staged = new StagedOutput(outputDir)) {
      List<List<KeyValue<KM, VM>>> partitions = new ArrayList<>();
      for (int p = 0; p < job.numReducers(); p++) {
        partitions.add(new ArrayList<>());
      }
      splits = plan.splits();
      for (InputSplit split : splits) {
        List<List<KeyValue<KM, VM>>> taskOutput = withRetries(job, split.taskId(), failedAttempts,
            attempt -> mapTask(job, split, attempt, counters));
        for (int p = 0; p < partitions.size(); p++) {
          partitions.get(p).addAll(taskOutput.get(p));
        }
      }
      for (int p = 0; p < partitions.size(); p++) {
        int partition = p;
        List<KeyValue<KM, VM>> records = partitions.get(p);
        records.sort((a, b) -> job.sortComparator().compare(a.key(), b.key()));
        counters.add(TaskCounter.REDUCE_INPUT_RECORDS, records.size());
        Path file = withRetries(job, String.format("r-%05d", p), failedAttempts,
            attempt -> reduceTask(job, records, staged, partition, attempt, counters));
        staged.promote(file, p);
      }
      staged.commit();
    } catch (JobFailedException e) {
      throw e;
    } catch (IOException e) {
      throw new JobFailedException("job " + job.name() + " failed: " + e, e);
    }
    return new JobResult(outputDir, job.numReducers(), counters.snapshot(), failedAttempts[0],
        Duration.ofNanos(System.nanoTime() - started), InputSplit.reports(splits));
  }

  /** One attempt of a task; returns its output, or throws to fail the attempt. */
  protected interface Attempt<T> {
    T run(int attempt) throws Exception;
  }

  /** Runs a task up to maxAttempts times; a bad record is not retried (it would fail again). */
  protected <T> T withRetries(MapReduceJob<?, ?, ?, ?> job, String taskId, int[] failedAttempts, Attempt<T> task)
      throws JobFailedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return task.run(attempt);
      } catch (InputFormatException e) {
        throw new JobFailedException("job " + job.name() + " failed in task " + taskId + ": " + e.getMessage(), e);
      } catch (Exception e) {
        failedAttempts[0]++;
        if (attempt + 1 >= job.maxAttempts()) {
          throw new JobFailedException("job " + job.name() + " failed in task " + taskId + " after "
              + (attempt + 1) + " attempt(s): " + e, e);
        }
      }
    }
  }

  /** Maps one split; counters are kept per attempt and added only when the attempt succeeds. */
  protected <KM, VM> List<List<KeyValue<KM, VM>>> mapTask(MapReduceJob<KM, VM, ?, ?> job, InputSplit split,
      int attempt, Counters.Accumulator jobCounters) throws Exception {
    Counters.Accumulator counters = new Counters.Accumulator();
    List<List<KeyValue<KM, VM>>> output = new ArrayList<>();
    for (int p = 0; p < job.numReducers(); p++) {
      output.add(new ArrayList<>());
    }
    Task task = new Task(split.taskId(), attempt, split.file().name());
    Collector<KM, VM> collector = collector(task, (k, v) -> {
      int p = job.partitioner().partition(k, job.numReducers());
      if (p < 0 || p >= job.numReducers()) {
        throw new IllegalStateException("partitioner returned " + p + " for key " + k + " with " + job.numReducers() + " reducers");
      }
      output.get(p).add(KeyValue.of(k, v));
      counters.add(TaskCounter.MAP_OUTPUT_RECORDS, 1);
    });
    try (SplitLineReader reader = openReader(split)) {
      for (String line = reader.next(); line != null; line = reader.next()) {
        counters.add(TaskCounter.MAP_INPUT_RECORDS, 1);
        try {
          job.mapper().map(reader.offset(), line, collector);
        } catch (BadRecordException bad) {
          if (!job.skipBadRecords()) {
            throw InputFormatException.at(split.file().location(),
                SplitLineReader.lineNumberAt(split.file(), reader.offset()), bad);
          }
          counters.add(TaskCounter.MAP_SKIPPED_RECORDS, 1);
        }
      }
    }
    if (job.combiner() != null) {
      for (int p = 0; p < output.size(); p++) {
        output.set(p, combine(job, output.get(p), task, counters));
      }
    }
    jobCounters.addAll(counters);
    return output;
  }

  protected SplitLineReader openReader(InputSplit split) throws IOException {
    return new SplitLineReader(split);
  }

  /** Sorts one task's records of one partition and runs the combiner once on each group. */
  protected <KM, VM> List<KeyValue<KM, VM>> combine(MapReduceJob<KM, VM, ?, ?> job, List<KeyValue<KM, VM>> records,
      Task task, Counters.Accumulator counters) throws Exception {
    records.sort((a, b) -> job.sortComparator().compare(a.key(), b.key()));
    List<KeyValue<KM, VM>> combined = new ArrayList<>();
    Collector<KM, VM> collector = collector(task, (k, v) -> combined.add(KeyValue.of(k, v)));
    forEachGroup(records, job.sortComparator(), job.combiner(), collector);
    counters.add(TaskCounter.COMBINE_INPUT_RECORDS, records.size());
    counters.add(TaskCounter.COMBINE_OUTPUT_RECORDS, combined.size());
    return combined;
  }

  /** Reduces one sorted partition into a fresh attempt file; returns the file. */
  protected <KM, VM, KO, VO> Path reduceTask(MapReduceJob<KM, VM, KO, VO> job, List<KeyValue<KM, VM>> sorted,
      StagedOutput staged, int partition, int attempt, Counters.Accumulator jobCounters) throws Exception {
    Counters.Accumulator counters = new Counters.Accumulator();
    Path file = staged.attemptFile(partition, attempt);
    try (BufferedWriter writer = staged.open(file)) {
      reduceInto(job, sorted, writer, partition, attempt, counters);
    } catch (Exception e) {
      staged.discard(file);
      throw e;
    }
    jobCounters.addAll(counters);
    return file;
  }

  private <KM, VM, KO, VO> void reduceInto(MapReduceJob<KM, VM, KO, VO> job, List<KeyValue<KM, VM>> sorted,
      BufferedWriter writer, int partition, int attempt, Counters.Accumulator counters) throws Exception {
    {
      Task task = new Task(String.format("r-%05d", partition), attempt, "");
      Collector<KO, VO> collector = collector(task, (k, v) -> {
        try {
          writer.write(JobOutput.line(job.outputKeyCodec(), job.outputValueCodec(), k, v));
          writer.newLine();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        counters.add(TaskCounter.REDUCE_OUTPUT_RECORDS, 1);
      });
      counters.add(TaskCounter.REDUCE_INPUT_GROUPS, forEachGroup(sorted, job.groupingComparator(), job.reducer(), collector));
    }
  }

  /** Calls {@code fn} once per run of keys equal under {@code grouping}; returns the number of calls. */
  protected static <KM, VM, KO, VO> long forEachGroup(List<KeyValue<KM, VM>> sorted,
      java.util.Comparator<KM> grouping, Reducer<KM, VM, KO, VO> fn, Collector<KO, VO> out) throws Exception {
    long groups = 0;
    int start = 0;
    while (start < sorted.size()) {
      KM first = sorted.get(start).key();
      int end = start;
      while (end < sorted.size() && grouping.compare(first, sorted.get(end).key()) == 0) {
        end++;
      }
      List<VM> values = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        values.add(sorted.get(i).value());
      }
      fn.reduce(first, values, out);
      groups++;
      start = end;
    }
    return groups;
  }

  protected static <K, V> Collector<K, V> collector(Task task, java.util.function.BiConsumer<K, V> sink) {
    return new Collector<>() {
      @Override public void emit(K key, V value) { sink.accept(key, value); }
      @Override public org.bigdatalab.mapreduce.TaskContext task() { return task; }
    };
  }
}
