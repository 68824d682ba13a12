package org.bigdatalab.guide;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.spec.NexmarkQueries;
import org.bigdatalab.workloads.BadLine;
import org.bigdatalab.workloads.BadLinePolicy;
import org.bigdatalab.workloads.CsvEvent;
import org.bigdatalab.workloads.EventCsvReader;
import org.bigdatalab.workloads.NexmarkEvent;
import org.bigdatalab.workloads.NexmarkGenerator;
import org.bigdatalab.workloads.ZipfTextGenerator;

/*
 * Why: the seed lists the five V's as words. An interviewer asks what each one costs, and the answer
 * is a number this lab can produce: volume is bytes and the tasks they become, velocity is events per
 * second through a streaming job, variety is how many formats one pipeline must parse, veracity is
 * the bad records found and counted, and value is a question answered from all of it.
 *
 * How: each V is a small run on the reference engines, printed as the number it stands for. Sizes
 * are small so the guide renders quickly; the ratios hold at any size (lab bench measures the large
 * ones). Times are measured on whatever machine renders the page, so they change between renders;
 * the counts do not.
 */
public final class Ch14_FiveVs {
  static final long CORPUS_BYTES = 2L << 20;
  static final long SPLIT_BYTES = 256L << 10;
  static final int NEXMARK_EVENTS = 50_000;
  static final long HDFS_BLOCK = 128L << 20;

  private Ch14_FiveVs() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    try (Scratch scratch = Scratch.create("guide-five-vs")) {
      Path corpus = scratch.resolve("corpus.txt");
      volume(corpus, scratch.resolve("counts"), SPLIT_BYTES, out);
      velocity(out);
      variety(out);
      veracity(out);
    }
  }

  /** What the volume run found: the input's bytes, the map tasks they became, and the job's top words. */
  public record Volume(long bytes, long lines, int mapTasks, List<KeyValue<String, Long>> top) {}

  // tag::volume[]
  /** Volume: bytes become splits, splits become map tasks; the answer (value) is the top words. */
  public static Volume volume(Path corpus, Path output, long splitBytes, PrintStream out) throws Exception {
    try (var file = Files.newOutputStream(corpus)) {
      new ZipfTextGenerator(5_000, 1.1, 10, 42).writeTo(file, CORPUS_BYTES);
    }
    MapReduceJob<String, Long, String, Long> job = WordCount.builder().numReducers(2).maxSplitBytes(splitBytes).build();
    long started = System.nanoTime();
    JobResult result;
    try (MapReduceEngine engine = GuideEngines.create("mr-parallel", MapReduceEngine.class)) {
      result = engine.run(job, List.of(corpus), output);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long bytes = Files.size(corpus);
    List<KeyValue<String, Long>> counts = new ArrayList<>();
    JobOutput.read(output, job).forEach(counts::addAll);
    counts.sort(Comparator.comparing((KeyValue<String, Long> kv) -> -kv.value()).thenComparing(KeyValue::key));
    Volume v = new Volume(bytes, result.counters().get(TaskCounter.MAP_INPUT_RECORDS), result.splits().size(),
        counts.subList(0, 3));
    // end::volume[]
    out.printf("volume: %,d bytes, %,d lines, in splits of %,d bytes -> %d map tasks (mr-parallel)%n",
        v.bytes(), v.lines(), splitBytes, v.mapTasks());
    out.printf("  read at %.1f MB/s on this machine (changes with every render; lab bench measures it properly)%n",
        bytes / 1e6 / seconds);
    out.println("  the same rule at the benchmark's sizes, with HDFS's 128 MiB blocks:");
    for (String size : List.of("16MB:16", "128MB:128", "1GB:1024", "1TB:1048576")) {
      String[] s = size.split(":");
      long mib = Long.parseLong(s[1]);
      out.printf("    %-6s -> %,9d map tasks%n", s[0], (mib * (1L << 20) + HDFS_BLOCK - 1) / HDFS_BLOCK);
    }
    out.printf("value: the corpus's three most frequent words: %s (%.1f%% of all words)%n", v.top(),
        100.0 * v.top().stream().mapToLong(KeyValue::value).sum() / result.counters().get(TaskCounter.MAP_OUTPUT_RECORDS));
    return v;
  }

  // tag::velocity[]
  /** Velocity: Nexmark events through a windowed streaming query, in events per second. */
  public static StreamingResult<Long> velocity(PrintStream out) throws Exception {
    NexmarkGenerator generator = new NexmarkGenerator(7, NEXMARK_EVENTS, 10_000);   // 10,000 events/s of event time
    List<NexmarkEvent> bids = generator.events().filter(e -> e instanceof NexmarkEvent.Bid).toList();   // q5 reads bids
    var bidsPerAuction = NexmarkQueries.q5BidsPerAuction(2_000, 1_000, 500);         // 2 s windows every 1 s
    StreamingResult<Long> result;
    long started = System.nanoTime();
    try (StreamingEngine engine = GuideEngines.create("stream-parallel", StreamingEngine.class)) {
      result = engine.run(bidsPerAuction, ScriptedSource.ofEvents(bids, NexmarkEvent::line));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    // end::velocity[]
    double spanSeconds = (generator.timeOf(NEXMARK_EVENTS - 1) - generator.timeOf(0)) / 1000.0;
    out.printf("velocity: %,d Nexmark events covering %.1f s of event time (%,.0f events/s as generated)%n",
        NEXMARK_EVENTS, spanSeconds, NEXMARK_EVENTS / spanSeconds);
    out.printf("  bids per auction in sliding windows on stream-parallel: %,d bids, %,d window results, %d late%n",
        bids.size(), result.results().size(), result.late().size());
    double arriving = bids.size() / spanSeconds;
    double processed = bids.size() / seconds;
    out.printf("  bids arrive at %,.0f/s of event time and were processed at %,.0f/s on this machine: %s%n",
        arriving, processed, processed >= arriving ? "it keeps up" : "it falls BEHIND");
    return result;
  }

  // tag::variety[]
  /** Variety: one lab, three shapes of input, each with its own parser and its own failure. */
  static List<String> variety(PrintStream out) {
    List<String> shapes = new ArrayList<>();
    shapes.add("csv (structured): " + EventCsvReader.parseLine("user-7,1704067200000,42"));
    NexmarkGenerator nexmark = new NexmarkGenerator(7, 60, 10_000);
    nexmark.events().map(NexmarkEvent::line).map(line -> line.substring(0, 1)).distinct().forEach(kind ->
        shapes.add("nexmark (semi-structured, a record type per line): " + nexmark.events().map(NexmarkEvent::line)
            .filter(l -> l.startsWith(kind)).findFirst().map(l -> NexmarkQueries.q0PassThrough().parser().parse(l).getClass().getSimpleName()
                + " <- " + l).orElseThrow()));
    String text = new ZipfTextGenerator(5_000, 1.1, 8, 42).lines().findFirst().orElseThrow();
    shapes.add("text (unstructured): words " + org.bigdatalab.mapreduce.jobs.Words.of(text) + " <- " + text);
    // end::variety[]
    out.println("variety: the same lab reads");
    shapes.forEach(s -> out.println("  " + s));
    return shapes;
  }

  /** Landed sensor readings: most are fine, three are not. */
  static final String READINGS = """
      sensor-1,1704067200000,21
      sensor-2,1704067201000,19
      sensor-3,17040672o2000,20
      sensor-1,1704067203000,22
      ,1704067204000,18
      sensor-2,1704067205000
      sensor-3,1704067206000,20
      """;

  /** What the veracity run kept and set aside. */
  public record Veracity(List<CsvEvent> kept, List<BadLine> bad) {}

  // tag::veracity[]
  /** Veracity: bad records are found, named and counted; FAIL stops at the first, SKIP goes on. */
  public static Veracity veracity(PrintStream out) throws IOException {
    try (EventCsvReader reader = new EventCsvReader(new StringReader(READINGS), "readings.csv", BadLinePolicy.SKIP)) {
      List<CsvEvent> kept = reader.readAll();
      Veracity v = new Veracity(kept, reader.badLines());
      // end::veracity[]
      out.printf("veracity: %d lines read, %d records kept, %d set aside and counted:%n", reader.linesRead(),
          kept.size(), v.bad().size());
      v.bad().forEach(b -> out.println("  " + b.message()));
      try (EventCsvReader strict = new EventCsvReader(new StringReader(READINGS), "readings.csv", BadLinePolicy.FAIL)) {
        strict.readAll();
      } catch (RuntimeException e) {
        out.println("  with FAIL instead: the read stops at " + e.getMessage());
      }
      return v;
    }
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch14_FiveVs
end::run[]
 */
