package org.bigdatalab.guide;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.mapreduce.jobs.Words;
import org.bigdatalab.mapreduce.spec.InputFile;
import org.bigdatalab.mapreduce.spec.MapReduceOracle;
import org.bigdatalab.spi.KeyValue;

/*
 * Why: word count is the "hello world" of MapReduce because it uses every phase with the least
 * code. The map function turns a line into (word, 1) pairs; the engine groups the pairs of all map
 * tasks by word (shuffle and sort); the reduce function sums each word's ones. What a "word" is
 * belongs to the map function alone, and that is where the seed guide's two versions part ways:
 * its Python mapper lower-cases the line and takes runs of \w (letters, digits and '_'), while its
 * Java mapper splits on whitespace and keeps case and punctuation, so "The", "the" and "THE" are
 * three words there, and so are "cat" and "cat,". Run on the same file, the two programs disagree.
 *
 * The spec picks one rule and tests it (org.bigdatalab.mapreduce.jobs.Words): a word is a maximal
 * run of Unicode letters or digits, lower-cased. It agrees with the Python rule except on '_'
 * (snake_case is two words for us). This program prints the three rules side by side, then runs
 * the spec's word count on every reference engine on the class path and compares each with the
 * in-memory oracle.
 */
public final class Ch02_WordCount {
  static final String TEXT = """
      The cat sat. The cat, the hat!
      snake_case and don't: THE END
      """;

  private Ch02_WordCount() {}

  // tag::rules[]
  /** The seed's Java mapper: StringTokenizer splits on whitespace; case and punctuation stay. */
  static List<String> seedJavaRule(String line) {
    List<String> words = new ArrayList<>();
    StringTokenizer tokens = new StringTokenizer(line);
    while (tokens.hasMoreTokens()) {
      words.add(tokens.nextToken());
    }
    return words;
  }

  /** The seed's Python mapper: re.findall(r'\w+', line.lower()); \w includes '_'. */
  static List<String> seedPythonRule(String line) {
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS).matcher(line.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /** The spec's rule, used by its WordCount job: runs of letters or digits, lower-cased. */
  static List<String> specRule(String line) {
    return Words.of(line);
  }
  // end::rules[]

  /** Word counts of {@link #TEXT} under each rule, by rule name. */
  public static Map<String, Map<String, Long>> countsByRule() {
    Map<String, Function<String, List<String>>> rules = new LinkedHashMap<>();
    rules.put("seed Java", Ch02_WordCount::seedJavaRule);
    rules.put("seed Python", Ch02_WordCount::seedPythonRule);
    rules.put("spec", Ch02_WordCount::specRule);
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    rules.forEach((name, rule) -> {
      Map<String, Long> c = new TreeMap<>();
      TEXT.lines().forEach(line -> rule.apply(line).forEach(w -> c.merge(w, 1L, Long::sum)));
      counts.put(name, c);
    });
    return counts;
  }

  /** The spec's word count on one engine: its output partitions. */
  public static List<List<KeyValue<String, Long>>> runOn(MapReduceEngine engine) throws Exception {
    try (Scratch scratch = Scratch.create("guide-wordcount")) {
      Path input = Files.writeString(scratch.resolve("seed.txt"), TEXT);
      // tag::job[]
      MapReduceJob<String, Long, String, Long> job = WordCount.builder()
          .combiner(WordCount.SUM)     // as the seed's driver does: the sum is also a valid combiner
          .numReducers(2)
          .build();
      engine.run(job, List.of(input), scratch.resolve("out"));
      return JobOutput.read(scratch.resolve("out"), job);
      // end::job[]
    }
  }

  /** What the oracle says the same job gives. */
  public static List<List<KeyValue<String, Long>>> oracle() throws Exception {
    MapReduceJob<String, Long, String, Long> job = WordCount.builder().combiner(WordCount.SUM).numReducers(2).build();
    return MapReduceOracle.run(job, List.of(new InputFile("seed.txt", TEXT))).partitions();
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    Map<String, Map<String, Long>> counts = countsByRule();
    out.println("the same two lines, counted under three word rules:");
    out.printf("  %-12s %10s %12s %6s%n", "word", "seed Java", "seed Python", "spec");
    TreeSet<String> all = new TreeSet<>(
        Comparator.comparing((String w) -> w.toLowerCase(Locale.ROOT)).thenComparing(Comparator.reverseOrder()));
    counts.values().forEach(c -> all.addAll(c.keySet()));
    for (String word : all) {
      out.printf("  %-12s %10s %12s %6s%n", word,
          cell(counts.get("seed Java"), word), cell(counts.get("seed Python"), word), cell(counts.get("spec"), word));
    }
    out.printf("  %-12s %10d %12d %6d%n", "(distinct)",
        counts.get("seed Java").size(), counts.get("seed Python").size(), counts.get("spec").size());

    out.println();
    List<List<KeyValue<String, Long>>> expected = oracle();
    List<String> engines = GuideEngines.availableReferenceIds(out);
    out.println("the spec's word count, 2 reducers, on each engine:");
    out.println("  oracle          " + expected);
    for (String id : engines) {
      try (MapReduceEngine engine = GuideEngines.create(id)) {
        List<List<KeyValue<String, Long>>> actual = runOn(engine);
        out.printf("  %-15s %s%n", id, actual);
        out.printf("  %-15s equals the oracle: %s%n", "", actual.equals(expected));
      }
    }
  }

  private static String cell(Map<String, Long> counts, String word) {
    Long n = counts.get(word);
    return n == null ? "-" : n.toString();
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch02_WordCount
end::run[]
 */
