package org.bigdatalab.guide;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.mapreduce.Collector;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.TaskContext;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.spi.KeyValue;

/*
 * Why: the map and reduce functions are the parts you write; the shuffle between them is the part
 * the engine writes, and it is where a job's guarantees come from. Every pair a map task emits is
 * sent to exactly one reduce partition, chosen by the job's partitioner from the key alone; each
 * reducer gathers its pairs from every map task, sorts them by the sort comparator, and calls reduce
 * once per run of keys that the grouping comparator calls equal. Because the partition depends on
 * the key only, all values of a key meet in one reduce call, whichever map task produced them.
 *
 * How: two tiny files (so two map tasks), word count without a combiner (so every single 1 is
 * visible), two reducers. The trace below is computed with the job's own mapper, partitioner,
 * comparators and reducer, step by step as an engine would run them. Then the real engine runs the
 * same job, and the trace's prediction is compared with the engine's part files.
 */
public final class Ch02_ShuffleTrace {
  static final Map<String, String> FILES = new LinkedHashMap<>();

  static {
    FILES.put("a.txt", "the cat sat\nthe hat\n");
    FILES.put("b.txt", "a cat, a hat\nthe end\n");
  }

  private Ch02_ShuffleTrace() {}

  /** What the trace printed, and the output it predicts, partition by partition. */
  public record Trace(List<String> lines, List<List<KeyValue<String, Long>>> predicted) {}

  public static MapReduceJob<String, Long, String, Long> job() {
    return WordCount.builder().numReducers(2).build();
  }

  /** Replays the job's phases on the inputs, one map task per file, and records every step. */
  public static Trace trace(MapReduceJob<String, Long, String, Long> job, List<Path> inputs) throws Exception {
    List<String> log = new ArrayList<>();
    int reducers = job.numReducers();
    List<List<KeyValue<String, Long>>> shuffled = emptyPartitions(reducers);
    for (int task = 0; task < inputs.size(); task++) {
      String taskId = String.format("m-%05d", task);
      Path input = inputs.get(task);
      log.add("map task " + taskId + " reads " + input.getFileName());
      List<List<KeyValue<String, Long>>> byPartition = emptyPartitions(reducers);
      long offset = 0;
      for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
        List<KeyValue<String, Long>> emitted = new ArrayList<>();
        // tag::map[]
        job.mapper().map(offset, line, collectInto(emitted, taskId));
        for (KeyValue<String, Long> pair : emitted) {
          int partition = job.partitioner().partition(pair.key(), reducers);
          byPartition.get(partition).add(pair);
        }
        // end::map[]
        log.add(String.format("  @%-3d %-15s -> %s", offset, '"' + line + '"', emitted));
        offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
      }
      for (int p = 0; p < reducers; p++) {
        log.add(String.format("  for r-%05d: %s", p, byPartition.get(p)));
        shuffled.get(p).addAll(byPartition.get(p));
      }
    }

    List<List<KeyValue<String, Long>>> predicted = emptyPartitions(reducers);
    for (int p = 0; p < reducers; p++) {
      String taskId = String.format("r-%05d", p);
      List<KeyValue<String, Long>> records = shuffled.get(p);
      log.add("reduce task " + taskId + " fetched " + records.size() + " pairs; sorted and grouped:");
      // tag::sort-group-reduce[]
      records.sort((a, b) -> job.sortComparator().compare(a.key(), b.key()));   // stable sort
      int start = 0;
      while (start < records.size()) {
        String first = records.get(start).key();
        List<Long> values = new ArrayList<>();
        int end = start;
        while (end < records.size() && job.groupingComparator().compare(first, records.get(end).key()) == 0) {
          values.add(records.get(end++).value());
        }
        List<KeyValue<String, Long>> reduced = new ArrayList<>();
        job.reducer().reduce(first, values, collectInto(reduced, taskId));
        predicted.get(p).addAll(reduced);
        log.add(String.format("  %-5s %-10s -> reduce -> %s", first, values, reduced));
        start = end;
      }
      // end::sort-group-reduce[]
    }
    return new Trace(log, predicted);
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    try (Scratch scratch = Scratch.create("guide-shuffle");
         MapReduceEngine engine = GuideEngines.create("mr-sequential")) {
      List<Path> inputs = new ArrayList<>();
      for (Map.Entry<String, String> file : FILES.entrySet()) {
        inputs.add(Files.writeString(scratch.resolve(file.getKey()), file.getValue()));
      }
      MapReduceJob<String, Long, String, Long> job = job();
      Trace trace = trace(job, inputs);
      trace.lines().forEach(out::println);

      out.println();
      engine.run(job, inputs, scratch.resolve("out"));
      List<List<KeyValue<String, Long>>> actual = JobOutput.read(scratch.resolve("out"), job);
      for (int p = 0; p < actual.size(); p++) {
        out.printf("%s %s: %s%n", engine.info().id(), JobOutput.partName(p), actual.get(p));
      }
      out.println("the trace predicted the engine's output exactly: " + trace.predicted().equals(actual));
    }
  }

  private static List<List<KeyValue<String, Long>>> emptyPartitions(int n) {
    List<List<KeyValue<String, Long>>> partitions = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      partitions.add(new ArrayList<>());
    }
    return partitions;
  }

  private static Collector<String, Long> collectInto(List<KeyValue<String, Long>> sink, String taskId) {
    TaskContext task = new TaskContext() {
      @Override public String taskId() { return taskId; }
      @Override public int attempt() { return 0; }
      @Override public String inputFile() { return ""; }
    };
    return new Collector<>() {
      @Override public void emit(String key, Long value) { sink.add(KeyValue.of(key, value)); }
      @Override public TaskContext task() { return task; }
    };
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch02_ShuffleTrace
end::run[]
 */
