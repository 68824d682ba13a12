package org.bigdatalab.property.compare;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.reference.CompareDistinctWithinPartitions;
import org.bigdatalab.dataflow.reference.SequentialDataflow;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.Reducer;
import org.bigdatalab.mapreduce.reference.CompareCombinesTwice;
import org.bigdatalab.mapreduce.reference.SequentialMapReduce;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.spi.Codecs;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.reference.CompareFiresInArrivalOrder;
import org.bigdatalab.streaming.reference.SequentialStreaming;

/**
 * Three of our broken engines (copies of the self-tests' BrokenMapReduceEngines.CombinesTwice,
 * BrokenDataflowEngines.DistinctWithinPartitions, BrokenStreamingEngines.FiresInArrivalOrder),
 * each checked against the honest sequential engine over generated input.
 */
final class EngineCases {
  private EngineCases() {}

  static List<Case<?>> all() {
    return List.of(combinesTwice(), localDistinct(), arrivalOrder());
  }

  // ---- MapReduce: word count with a combiner, the combiner run twice ----

  private static final SequentialMapReduce MR_HONEST = new SequentialMapReduce();
  private static final SequentialMapReduce MR_BROKEN = new CompareCombinesTwice();

  private static final Reducer<String, Long, String, Long> SUM = (word, counts, out) -> {
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    out.emit(word, sum);
  };

  private static final MapReduceJob<String, Long, String, Long> WORD_COUNT =
      MapReduceJob.<String, Long, String, Long>builder("wordcount")
          .mapper((offset, line, out) -> {
            for (String w : line.toLowerCase(Locale.ROOT).split("[^\\p{Alnum}]+")) {
              if (!w.isEmpty()) {
                out.emit(w, 1L);
              }
            }
          })
          .combiner(SUM).reducer(SUM).numReducers(2)
          .mapOutput(Codecs.STRING, Codecs.LONG).output(Codecs.STRING, Codecs.LONG).build();

  /** Lines of words (1 to 3 letters of a-c); the broken engine's word count equals the honest one's. */
  static Case<List<List<String>>> combinesTwice() {
    return new Case<>("mr: combiner run twice (word count)", "[[a]]: one line, one word (size 2)",
        Arbitraries.strings().withCharRange('a', 'c').ofMinLength(1).ofMaxLength(3).list().ofMaxSize(5).list().ofMaxSize(10),
        lists().of(lists().of(strings().betweenCodePoints('a', 'c').ofLengthBetween(1, 3)).ofSizeBetween(0, 5))
            .ofSizeBetween(0, 10),
        EngineCases::wordCountAgrees,
        lines -> lines.size() + ChallengeCases.flatten(lines).size(), // lines and words: [[], [a]] is bigger than [[a]]
        lines -> lines.equals(List.of(List.of("a"))),
        String::valueOf);
  }

  private static boolean wordCountAgrees(List<List<String>> lines) throws Exception {
    Path dir = Files.createTempDirectory("shrink-compare-mr");
    try {
      StringBuilder text = new StringBuilder();
      lines.forEach(l -> text.append(String.join(" ", l)).append('\n'));
      Path in = Files.writeString(dir.resolve("in.txt"), text);
      MR_HONEST.run(WORD_COUNT, List.of(in), dir.resolve("honest"));
      MR_BROKEN.run(WORD_COUNT, List.of(in), dir.resolve("broken"));
      return JobOutput.read(dir.resolve("honest"), WORD_COUNT).equals(JobOutput.read(dir.resolve("broken"), WORD_COUNT));
    } finally {
      deleteTree(dir);
    }
  }

  // ---- Dataflow: distinct without a shuffle ----

  private static final SequentialDataflow DF_HONEST = new SequentialDataflow();
  private static final SequentialDataflow DF_BROKEN = new CompareDistinctWithinPartitions();

  record DistinctInput(List<Integer> values, int partitions) {
    @Override public String toString() { return values + " in " + partitions; }
  }

  /** Ints 0-9 in 1 to 4 partitions; distinct on the broken engine equals distinct on the honest one (as sets of records). */
  static Case<DistinctInput> localDistinct() {
    return new Case<>("df: distinct without a shuffle", "[0, 0] in 2 partitions",
        Combinators.combine(Arbitraries.integers().between(0, 9).list(), Arbitraries.integers().between(1, 4))
            .as(DistinctInput::new),
        lists().of(integers().between(0, 9)).ofSizeBetween(0, 50).zip(integers().between(1, 4), DistinctInput::new),
        in -> sorted(DF_BROKEN.collect(Dataset.of(in.values(), in.partitions()).distinct()))
            .equals(sorted(DF_HONEST.collect(Dataset.of(in.values(), in.partitions()).distinct()))),
        in -> in.values().size(),
        in -> in.values().equals(List.of(0, 0)) && in.partitions() == 2,
        String::valueOf);
  }

  private static List<Integer> sorted(List<Integer> xs) {
    List<Integer> s = new ArrayList<>(xs);
    s.sort(Comparator.naturalOrder());
    return s;
  }

  // ---- Streaming: the watermark ignores the out-of-orderness bound ----

  private static final SequentialStreaming ST_HONEST = new SequentialStreaming();
  private static final SequentialStreaming ST_BROKEN = new CompareFiresInArrivalOrder();

  record Event(String key, long ts) implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override public String toString() { return key + "@" + ts; }
  }

  private static final StreamingJob<Event, Long, Long> COUNT = StreamingJob.<Event, Long, Long>of("count",
      line -> {
        String[] parts = line.split(",");
        return new Event(parts[0], Long.parseLong(parts[1]));
      }, Event::key, Event::ts, Windows.tumbling(10), Aggregate.count()).withOutOfOrderness(5);

  /**
   * Events (key a or b, time 0-100) in arrival order, counted per key in tumbling windows of 10 with
   * an out-of-orderness bound of 5; the broken engine's final counts equal the honest one's.
   */
  static Case<List<Event>> arrivalOrder() {
    return new Case<>("stream: watermark ignores out-of-orderness", "[a@10, a@0]",
        Combinators.combine(Arbitraries.of("a", "b"), Arbitraries.longs().between(0, 100)).as(Event::new).list()
            .ofMaxSize(20),
        lists().of(arbitrary().pick("a", "b").zip(longs().between(0, 100), Event::new)).ofSizeBetween(0, 20),
        events -> {
          ScriptedSource source = ScriptedSource.ofLines(events.stream().map(e -> e.key() + "," + e.ts()).toList());
          return ST_BROKEN.run(COUNT, source).finalValues().equals(ST_HONEST.run(COUNT, source).finalValues());
        },
        List::size,
        events -> events.equals(List.of(new Event("a", 10), new Event("a", 0))),
        String::valueOf);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
