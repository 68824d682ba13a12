package org.bigdatalab.mapreduce.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bigdatalab.mapreduce.MapReduceClauses.BAD_INPUT;
import static org.bigdatalab.mapreduce.MapReduceClauses.COMBINER_TRANSPARENT;
import static org.bigdatalab.mapreduce.MapReduceClauses.COMMIT_ATOMIC;
import static org.bigdatalab.mapreduce.MapReduceClauses.COUNTERS;
import static org.bigdatalab.mapreduce.MapReduceClauses.INPUT_DFS_EQUALS_LOCAL;
import static org.bigdatalab.mapreduce.MapReduceClauses.PARTITIONER_RESPECTED;
import static org.bigdatalab.mapreduce.MapReduceClauses.RESULT_EQUALS_ORACLE;
import static org.bigdatalab.mapreduce.MapReduceClauses.RETRY_FAILED_ATTEMPT_INVISIBLE;
import static org.bigdatalab.mapreduce.MapReduceClauses.SHUFFLE_ONE_REDUCER_PER_KEY;
import static org.bigdatalab.mapreduce.MapReduceClauses.SORT_KEYS_ORDERED;
import static org.bigdatalab.mapreduce.MapReduceClauses.SORT_SECONDARY;
import static org.bigdatalab.mapreduce.MapReduceClauses.SPLITS_EXACTLY_ONCE;
import static org.bigdatalab.mapreduce.TaskCounter.COMBINE_INPUT_RECORDS;
import static org.bigdatalab.mapreduce.TaskCounter.COMBINE_OUTPUT_RECORDS;
import static org.bigdatalab.mapreduce.TaskCounter.MAP_INPUT_RECORDS;
import static org.bigdatalab.mapreduce.TaskCounter.MAP_OUTPUT_RECORDS;
import static org.bigdatalab.mapreduce.TaskCounter.MAP_SKIPPED_RECORDS;
import static org.bigdatalab.mapreduce.TaskCounter.REDUCE_INPUT_GROUPS;
import static org.bigdatalab.mapreduce.TaskCounter.REDUCE_INPUT_RECORDS;
import static org.bigdatalab.mapreduce.TaskCounter.REDUCE_OUTPUT_RECORDS;
import static org.bigdatalab.mapreduce.TaskCounter.SPILLED_RECORDS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.property.Example;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.property.IntRange;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.dfs.spec.DfsGenerators;
import org.bigdatalab.mapreduce.BlockSplits;
import org.bigdatalab.mapreduce.Counters;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.OutputDirectoryExistsException;
import org.bigdatalab.mapreduce.Split;
import org.bigdatalab.mapreduce.jobs.KeyedSum;
import org.bigdatalab.mapreduce.jobs.SecondarySort;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.InputFormatException;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.suite.ConformanceSuite;
import org.bigdatalab.suite.EngineUnderTest;
import org.bigdatalab.suite.Verifies;

/**
 * The MapReduce spec: one check (or a few) per clause of
 * {@link org.bigdatalab.mapreduce.MapReduceClauses}, each comparing the engine with
 * {@link MapReduceOracle} on generated inputs and jobs, or checking an invariant directly.
 *
 * <p>What passing does not prove: behaviour under real concurrency between machines, durability
 * of the output after the job, or speed. Engines run each case in a fresh temporary directory.
 */
public abstract class MapReduceSpec extends ConformanceSuite<MapReduceEngine> {

  /** The suite for an engine lent by {@link org.bigdatalab.suite.matrix.ConformanceRunner}. */
  public static class Selected extends MapReduceSpec {
    @Override protected MapReduceEngine createEngine() { return (MapReduceEngine) EngineUnderTest.current(); }
    @Override protected boolean ownsEngine() { return false; }
  }

  /** The engine's output and report for one job. */
  protected record Run<KO, VO>(List<List<KeyValue<KO, VO>>> partitions, JobResult result) {
    List<KeyValue<KO, VO>> all() {
      List<KeyValue<KO, VO>> all = new ArrayList<>();
      partitions.forEach(all::addAll);
      return all;
    }
  }

  protected <KM, VM, KO, VO> Run<KO, VO> run(MapReduceJob<KM, VM, KO, VO> job, List<InputFile> inputs) throws Exception {
    try (Workspace ws = Workspace.create()) {
      JobResult result = engine().run(job, ws.write(inputs), ws.output);
      return new Run<>(JobOutput.read(ws.output, job), result);
    }
  }

  @Provide Arbitrary<List<InputFile>> texts() { return MapReduceGenerators.inputs(); }
  @Provide Arbitrary<JobShape> jobs() { return MapReduceGenerators.jobs(); }

  // 1 ------------------------------------------------------------------------------------------

  /** Every generated job, on every generated input, gives the oracle's partitions in the oracle's order. */
  @Property
  @Verifies(RESULT_EQUALS_ORACLE)
  void required_mapreduce_result_equals_oracle(@ForAll("texts") List<InputFile> inputs, @ForAll("jobs") JobShape shape)
      throws Exception {
    checkAgainstOracle(shape.build(), inputs);
  }

  /** The guide's first example, pinned: word count of two short lines. */
  @Example
  @Verifies(RESULT_EQUALS_ORACLE)
  void required_mapreduce_result_equals_oracle_guideWordCount() throws Exception {
    List<InputFile> input = List.of(new InputFile("seed.txt", "The cat sat.\nthe cat, the hat\n"));
    Run<String, Long> run = run(WordCount.withCombiner(1), input);
    assertThat(run.partitions()).containsExactly(List.of(
        KeyValue.of("cat", 2L), KeyValue.of("hat", 1L), KeyValue.of("sat", 1L), KeyValue.of("the", 3L)));
  }

  private <KM, VM, KO, VO> void checkAgainstOracle(MapReduceJob<KM, VM, KO, VO> job, List<InputFile> inputs)
      throws Exception {
    MapReduceOracle.Expected<KO, VO> expected = MapReduceOracle.run(job, inputs);
    Run<KO, VO> actual = run(job, inputs);
    assertThat(actual.partitions()).as("partitions of %s", job.name()).isEqualTo(expected.partitions());
  }

  // 2 ------------------------------------------------------------------------------------------

  /** Each word comes out once, from one reduce call that saw all of its occurrences. */
  @Property
  @Verifies(SHUFFLE_ONE_REDUCER_PER_KEY)
  void required_mapreduce_shuffle_one_reducer_per_key(@ForAll("texts") List<InputFile> inputs,
      @ForAll @IntRange(min = 1, max = 5) int reducers, @ForAll boolean combiner) throws Exception {
    MapReduceJob<String, Long, String, Long> job =
        WordCount.builder().combiner(combiner ? WordCount.SUM : null).numReducers(reducers).maxSplitBytes(16).build();
    Map<String, Long> occurrences = new HashMap<>();
    inputs.forEach(f -> f.lines().forEach(l -> org.bigdatalab.mapreduce.jobs.Words.forEach(l.text(),
        w -> occurrences.merge(w, 1L, Long::sum))));
    Map<String, Long> seen = new HashMap<>();
    for (KeyValue<String, Long> kv : run(job, inputs).all()) {
      assertThat(seen.put(kv.key(), kv.value())).as("key %s reduced twice", kv.key()).isNull();
    }
    assertThat(seen).isEqualTo(occurrences);
  }

  // 3 ------------------------------------------------------------------------------------------

  /** Exactly numReducers partitions, and every key in the partition its partitioner chose. */
  @Property
  @Verifies(PARTITIONER_RESPECTED)
  void required_mapreduce_partitioner_respected(@ForAll("texts") List<InputFile> inputs, @ForAll("jobs") JobShape shape)
      throws Exception {
    MapReduceJob<String, ?, String, ?> job = shape.build();
    Run<String, ?> run = run(job, inputs);
    assertThat(run.partitions()).as("part files").hasSize(job.numReducers());
    assertThat(run.result().partitions()).isEqualTo(job.numReducers());
    for (int p = 0; p < run.partitions().size(); p++) {
      for (KeyValue<String, ?> kv : run.partitions().get(p)) {
        assertThat(job.partitioner().partition(kv.key(), job.numReducers()))
            .as("partition of key %s found in part %d", kv.key(), p).isEqualTo(p);
      }
    }
  }

  // 4 ------------------------------------------------------------------------------------------

  /** Keys strictly increase within each partition under the job's own comparator. */
  @Property
  @Verifies(SORT_KEYS_ORDERED)
  void required_mapreduce_sort_keys_ordered_in_partition(@ForAll("texts") List<InputFile> inputs,
      @ForAll("jobs") JobShape shape) throws Exception {
    MapReduceJob<String, ?, String, ?> job = shape.build();
    for (List<? extends KeyValue<String, ?>> partition : run(job, inputs).partitions()) {
      for (int i = 1; i < partition.size(); i++) {
        assertThat(job.sortComparator().compare(partition.get(i - 1).key(), partition.get(i).key()))
            .as("%s before %s under %s order", partition.get(i - 1).key(), partition.get(i).key(), shape.order())
            .isNegative();
      }
    }
  }

  // 5 ------------------------------------------------------------------------------------------

  @Provide Arbitrary<List<InputFile>> groupValues() {
    return MapReduceGenerators.inputs(MapReduceGenerators.text(MapReduceGenerators.groupValueLine()), "txt");
  }

  /** One reduce call per group, its values in ascending order, none missing. */
  @Property
  @Verifies(SORT_SECONDARY)
  void required_mapreduce_sort_secondary(@ForAll("groupValues") List<InputFile> inputs,
      @ForAll @IntRange(min = 1, max = 3) int reducers) throws Exception {
    var job = SecondarySort.builder().numReducers(reducers).maxSplitBytes(24).build();
    Map<String, List<Long>> values = new HashMap<>();
    inputs.forEach(f -> f.lines().forEach(l -> {
      String[] gv = l.text().split(" ");
      values.computeIfAbsent(gv[0], g -> new ArrayList<>()).add(Long.parseLong(gv[1]));
    }));
    Map<String, String> expected = new HashMap<>();
    values.forEach((g, vs) -> expected.put(g, vs.stream().sorted().map(String::valueOf)
        .collect(java.util.stream.Collectors.joining(","))));
    Map<String, String> actual = new HashMap<>();
    for (KeyValue<String, String> kv : run(job, inputs).all()) {
      assertThat(actual.put(kv.key(), kv.value())).as("group %s reduced twice", kv.key()).isNull();
    }
    assertThat(actual).isEqualTo(expected);
  }

  // 6 ------------------------------------------------------------------------------------------

  /** The same job with and without its combiner gives the same output (and the oracle's). */
  @Property
  @Verifies(COMBINER_TRANSPARENT)
  void required_mapreduce_combiner_transparent(@ForAll("texts") List<InputFile> inputs, @ForAll("jobs") JobShape shape)
      throws Exception {
    Run<String, ?> with = run(shape.withCombiner(true).build(), inputs);
    Run<String, ?> without = run(shape.withCombiner(false).build(), inputs);
    assertThat(with.partitions()).as("output with the combiner").isEqualTo(without.partitions());
    assertThat(with.partitions()).isEqualTo(MapReduceOracle.run(shape.build(), inputs).partitions());
  }

  // 7 ------------------------------------------------------------------------------------------

  /** The counters add up, and agree with what the oracle saw. */
  @Property
  @Verifies(COUNTERS)
  void required_mapreduce_counters(@ForAll("texts") List<InputFile> inputs, @ForAll("jobs") JobShape shape)
      throws Exception {
    MapReduceJob<String, ?, String, ?> job = shape.build();
    MapReduceOracle.Expected<String, ?> expected = MapReduceOracle.run(job, inputs);
    Counters c = run(job, inputs).result().counters();
    assertThat(c.get(MAP_INPUT_RECORDS)).as("map input records").isEqualTo(expected.mapInputRecords());
    assertThat(c.get(MAP_OUTPUT_RECORDS)).as("map output records").isEqualTo(expected.mapOutputRecords());
    assertThat(c.get(REDUCE_INPUT_RECORDS)).as("reduce input = map output - combine input + combine output")
        .isEqualTo(c.get(MAP_OUTPUT_RECORDS) - c.get(COMBINE_INPUT_RECORDS) + c.get(COMBINE_OUTPUT_RECORDS));
    assertThat(c.get(REDUCE_INPUT_GROUPS)).as("reduce input groups").isEqualTo(expected.reduceGroups());
    assertThat(c.get(REDUCE_OUTPUT_RECORDS)).as("reduce output records").isEqualTo(expected.outputRecords());
    if (job.combiner() == null) {
      assertThat(c.get(COMBINE_INPUT_RECORDS) + c.get(COMBINE_OUTPUT_RECORDS)).as("combine records without a combiner").isZero();
    } else {
      assertThat(c.get(COMBINE_OUTPUT_RECORDS)).as("combine output").isLessThanOrEqualTo(c.get(COMBINE_INPUT_RECORDS));
    }
    assertThat(c.get(SPILLED_RECORDS) == 0 || c.get(SPILLED_RECORDS) >= c.get(REDUCE_INPUT_RECORDS))
        .as("spilled records %d is 0 or at least reduce input %d", c.get(SPILLED_RECORDS), c.get(REDUCE_INPUT_RECORDS))
        .isTrue();
  }

  // 8 ------------------------------------------------------------------------------------------

  @Provide Arbitrary<Long> splitSizes() { return MapReduceGenerators.splitSizes(); }

  /** Each line of each file comes out once, under its byte offset, with its exact text. */
  @Property
  @Verifies(SPLITS_EXACTLY_ONCE)
  void required_mapreduce_splits_exactly_once(@ForAll("texts") List<InputFile> inputs,
      @ForAll("splitSizes") long maxSplitBytes, @ForAll @IntRange(min = 1, max = 3) int reducers) throws Exception {
    List<KeyValue<String, String>> expected = new ArrayList<>();
    inputs.forEach(f -> f.lines().forEach(l -> expected.add(KeyValue.of(f.name() + "@" + l.offset(), l.text()))));
    assertThat(run(LineEcho.job(maxSplitBytes, reducers), inputs).all()).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** The boundary cases, pinned: a split that ends exactly at a line break, and one that ends inside a character. */
  @Example
  @Verifies(SPLITS_EXACTLY_ONCE)
  void required_mapreduce_splits_exactly_once_boundaries() throws Exception {
    List<InputFile> input = List.of(new InputFile("b.txt", "abc\ndef\nü\nlast"));
    for (long split = 1; split <= 16; split++) {
      assertThat(run(LineEcho.job(split, 1), input).all()).as("split size %d", split).containsExactlyInAnyOrder(
          KeyValue.of("b.txt@0", "abc"), KeyValue.of("b.txt@4", "def"), KeyValue.of("b.txt@8", "ü"),
          KeyValue.of("b.txt@11", "last"));
    }
  }

  // 9 ------------------------------------------------------------------------------------------

  /** A job whose reducer throws leaves no part file and no _SUCCESS, and reports the original cause. */
  @Property
  @Verifies(COMMIT_ATOMIC)
  void required_mapreduce_commit_atomic_failure_leaves_nothing(@ForAll("texts") List<InputFile> inputs,
      @ForAll @IntRange(min = 1, max = 4) int reducers) throws Exception {
    List<String> words = new ArrayList<>();
    inputs.forEach(f -> f.lines().forEach(l -> words.addAll(org.bigdatalab.mapreduce.jobs.Words.of(l.text()))));
    org.bigdatalab.property.Assume.that(!words.isEmpty());
    String poison = words.get(words.size() / 2);
    MapReduceJob<String, Long, String, Long> job = WordCount.builder().numReducers(reducers)
        .reducer((word, counts, out) -> {
          out.emit(word, 0L);
          if (word.equals(poison)) {
            throw new IllegalStateException("poisoned word " + poison);
          }
        }).build();
    try (Workspace ws = Workspace.create()) {
      List<Path> paths = ws.write(inputs);
      assertThatThrownBy(() -> engine().run(job, paths, ws.output))
          .isInstanceOf(JobFailedException.class)
          .hasRootCauseMessage("poisoned word " + poison);
      assertThat(JobOutput.partFiles(ws.output)).as("part files after a failed job").isEmpty();
      assertThat(ws.output.resolve(JobOutput.SUCCESS_MARKER)).as("_SUCCESS after a failed job").doesNotExist();
    }
  }

  /** A successful job leaves every partition, empty ones too, and the _SUCCESS marker. */
  @Property
  @Verifies(COMMIT_ATOMIC)
  void required_mapreduce_commit_atomic_success_leaves_all(@ForAll("texts") List<InputFile> inputs,
      @ForAll @IntRange(min = 1, max = 6) int reducers) throws Exception {
    try (Workspace ws = Workspace.create()) {
      engine().run(WordCount.withCombiner(reducers), ws.write(inputs), ws.output);
      assertThat(JobOutput.partFiles(ws.output)).hasSize(reducers);
      assertThat(ws.output.resolve(JobOutput.SUCCESS_MARKER)).exists();
    }
  }

  /** An existing output directory is refused and left as it was. */
  @Example
  @Verifies(COMMIT_ATOMIC)
  void required_mapreduce_commit_atomic_existing_output_refused() throws Exception {
    try (Workspace ws = Workspace.create()) {
      List<Path> paths = ws.write(List.of(new InputFile("a.txt", "one two\n")));
      Path keep = Files.createDirectories(ws.output).resolve("keep.txt");
      Files.writeString(keep, "precious");
      assertThatThrownBy(() -> engine().run(WordCount.withCombiner(1), paths, ws.output))
          .isInstanceOf(OutputDirectoryExistsException.class);
      assertThat(keep).hasContent("precious");
      assertThat(JobOutput.partFiles(ws.output)).isEmpty();
    }
  }

  // 10 -----------------------------------------------------------------------------------------

  /**
   * Map and reduce functions that emit and then fail on their first attempt: with two attempts
   * allowed, the output is exactly the plain job's, and the failed attempts are reported.
   */
  @Property
  @Verifies(RETRY_FAILED_ATTEMPT_INVISIBLE)
  void optional_mapreduce_retry_failed_attempt_invisible(@ForAll("texts") List<InputFile> inputs,
      @ForAll @IntRange(min = 1, max = 3) int reducers, @ForAll boolean combiner) throws Exception {
    List<String> lines = new ArrayList<>();
    inputs.forEach(f -> f.lines().forEach(l -> lines.add(l.text())));
    org.bigdatalab.property.Assume.that(lines.stream().anyMatch(l -> !org.bigdatalab.mapreduce.jobs.Words.of(l).isEmpty()));
    String poisonLine = lines.stream().filter(l -> !org.bigdatalab.mapreduce.jobs.Words.of(l).isEmpty()).findFirst().get();
    String poisonWord = org.bigdatalab.mapreduce.jobs.Words.of(poisonLine).get(0);
    MapReduceJob<String, Long, String, Long> plain =
        WordCount.builder().combiner(combiner ? WordCount.SUM : null).numReducers(reducers).maxSplitBytes(32).build();
    MapReduceJob<String, Long, String, Long> flaky = plain.toBuilder().maxAttempts(2)
        .mapper((offset, line, out) -> {
          org.bigdatalab.mapreduce.jobs.Words.forEach(line, w -> out.emit(w, 1L));
          if (out.task().attempt() == 0 && line.equals(poisonLine)) {
            throw new IllegalStateException("map attempt 0 crashes after emitting");
          }
        })
        .reducer((word, counts, out) -> {
          WordCount.SUM.reduce(word, counts, out);
          if (out.task().attempt() == 0 && word.equals(poisonWord)) {
            throw new IllegalStateException("reduce attempt 0 crashes after emitting");
          }
        }).build();
    Run<String, Long> run = run(flaky, inputs);
    assertThat(run.partitions()).isEqualTo(MapReduceOracle.run(plain, inputs).partitions());
    assertThat(run.result().failedAttempts()).as("failed attempts").isGreaterThanOrEqualTo(2);
  }

  // 11 -----------------------------------------------------------------------------------------

  @Provide Arbitrary<List<InputFile>> csvWithBadLines() {
    Arbitrary<String> mixed = Arbitraries.frequencyOf(
        org.bigdatalab.property.Tuple.of(8, MapReduceGenerators.keyAmountLine()),
        org.bigdatalab.property.Tuple.of(1, MapReduceGenerators.badKeyAmountLine()));
    return MapReduceGenerators.inputs(MapReduceGenerators.text(mixed), "csv");
  }

  /**
   * Inputs with at least one bad line (one is appended to a file), so no generated case is thrown
   * away: with the few tries of a slow engine, a check that assumes a bad line could see none.
   */
  @Provide Arbitrary<List<InputFile>> csvWithABadLine() {
    return Combinators.combine(csvWithBadLines(), MapReduceGenerators.badKeyAmountLine(), Arbitraries.integers().between(0, 2))
        .as((files, bad, which) -> {
          List<InputFile> copy = new ArrayList<>(files);
          InputFile f = copy.get(which % copy.size());
          String sep = f.content().isEmpty() || f.content().endsWith("\n") ? "" : "\n";
          copy.set(which % copy.size(), new InputFile(f.name(), f.content() + sep + bad));
          return copy;
        });
  }

  /** Without skipping, the first bad line fails the job with file:line: field: problem. */
  @Property
  @Verifies(BAD_INPUT)
  void required_mapreduce_bad_input_fails_with_location(@ForAll("csvWithABadLine") List<InputFile> inputs,
      @ForAll @IntRange(min = 1, max = 3) int reducers) throws Exception {
    MapReduceJob<String, Long, String, Long> job = KeyedSum.builder().numReducers(reducers).maxSplitBytes(40).build();
    List<String> messages = new ArrayList<>();
    for (InputFile f : inputs) {
      for (InputFile.Line l : f.lines()) {
        try {
          MapReduceOracle.run(job, List.of(new InputFile(f.name(), l.text())));
        } catch (InputFormatException e) {
          messages.add(new InputFormatException(f.name(), l.number(), e.field(), e.problem()).getMessage());
        }
      }
    }
    assertThat(messages).as("bad lines in the generated input").isNotEmpty();
    try (Workspace ws = Workspace.create()) {
      List<Path> paths = ws.write(inputs);
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> engine().run(job, paths, ws.output));
      assertThat(thrown).isInstanceOf(JobFailedException.class);
      String located = locatedMessage(thrown);
      assertThat(located).as("error of a bad line, naming file:line: field").isNotNull();
      assertThat(messages).as("the errors the bad lines should give").anyMatch(located::endsWith);
      assertThat(JobOutput.partFiles(ws.output)).isEmpty();
    }
  }

  /** With skipping, bad lines are counted and every good line still counts. */
  @Property
  @Verifies(BAD_INPUT)
  void required_mapreduce_bad_input_skipped_and_counted(@ForAll("csvWithBadLines") List<InputFile> inputs,
      @ForAll @IntRange(min = 1, max = 3) int reducers) throws Exception {
    MapReduceJob<String, Long, String, Long> job =
        KeyedSum.builder().numReducers(reducers).maxSplitBytes(40).skipBadRecords(true).build();
    MapReduceOracle.Expected<String, Long> expected = MapReduceOracle.run(job, inputs);
    Run<String, Long> run = run(job, inputs);
    assertThat(run.partitions()).isEqualTo(expected.partitions());
    assertThat(run.result().counters().get(MAP_SKIPPED_RECORDS)).as("skipped records").isEqualTo(expected.skippedRecords());
  }

  // 12 -----------------------------------------------------------------------------------------

  /**
   * The DFS stores the input clause reads from, by engine id: {@code dfs-memory} (the oracle
   * store, in engines-mapreduce/reference) unless a binding names others.
   */
  protected List<String> inputStoreIds() {
    return List.of("dfs-memory");
  }

  /**
   * Makes the store with this id through the engine registry; the suite closes it when the class
   * is done. A binding overrides this to share a slow store (a kept MiniDFSCluster) with its other
   * tests, handing out one whose close leaves it running.
   */
  protected DfsEngine createInputStore(String id) throws Exception {
    EngineRegistry registry = EngineRegistry.load();
    if (registry.find(id).isEmpty()) {
      throw new IllegalStateException("no DFS store '" + id + "' on the class path for " + INPUT_DFS_EQUALS_LOCAL
          + " (dfs-memory comes with engines-mapreduce/reference); put one there or override inputStoreIds()");
    }
    return registry.create(id, DfsEngine.class, EngineOptions.NONE);
  }

  @Provide Arbitrary<String> inputStores() { return Arbitraries.of(inputStoreIds()); }
  @Provide Arbitrary<List<InputFile>> multiBlockTexts() { return MapReduceGenerators.multiBlockInputs(); }
  @Provide Arbitrary<Long> blockSplitSizes() { return MapReduceGenerators.blockSplitSizes(); }

  /** Two racks of two DataNodes: a topology every store starts cheaply (dfs-hdfs keeps one running). */
  @Provide Arbitrary<ClusterSpec> inputClusters() {
    return DfsGenerators.clusters(Arbitraries.just(List.of(2, 2)), 1, 3, null);
  }

  /**
   * Each line of each file, uploaded to the store, comes out once under its byte offset with its
   * exact text (the oracle's output on local files of the same bytes), for blocks of 512 or 1024
   * bytes that cut lines; and the splits the engine reports cover each file once and name the
   * hosts of the block they start in.
   */
  @Property
  @Verifies(INPUT_DFS_EQUALS_LOCAL)
  void required_mapreduce_input_dfs_equals_local(@ForAll("inputStores") String store,
      @ForAll("inputClusters") ClusterSpec cluster, @ForAll("multiBlockTexts") List<InputFile> inputs,
      @ForAll("blockSplitSizes") long maxSplitBytes, @ForAll @IntRange(min = 1, max = 3) int reducers) throws Exception {
    checkDfsInput(store, cluster, inputs, LineEcho.job(maxSplitBytes, reducers));
  }

  /** Pinned: 300-byte lines in 512-byte blocks, so every block boundary falls inside a line, read by word count. */
  @Example
  @Verifies(INPUT_DFS_EQUALS_LOCAL)
  void required_mapreduce_input_dfs_equals_local_linesAcrossEveryBlock() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      text.append(("line" + i + " ").repeat(50), 0, 299).append('\n');
    }
    ClusterSpec cluster = ClusterSpec.builder().rack("rack1", "dn1", "dn2").rack("rack2", "dn3", "dn4")
        .blockSize(512).replication(2).build();
    checkDfsInput(inputStoreIds().get(0), cluster, List.of(new InputFile("long-lines.txt", text.toString())),
        WordCount.withCombiner(2));
  }

  private <KM, VM, KO, VO> void checkDfsInput(String store, ClusterSpec cluster, List<InputFile> inputs,
      MapReduceJob<KM, VM, KO, VO> job) throws Exception {
    DfsEngine dfs = companion("input store " + store, () -> createInputStore(store));
    try (DistributedFileSystem fs = dfs.start(cluster); Workspace ws = Workspace.create()) {
      List<DfsPath> paths = new ArrayList<>();
      for (InputFile f : inputs) {
        DfsPath path = new DfsPath("/input/" + f.name());
        try (DfsOutput out = fs.create(path, false)) {
          byte[] bytes = f.content().getBytes(java.nio.charset.StandardCharsets.UTF_8);
          out.write(bytes, 0, bytes.length);
        }
        paths.add(path);
      }
      JobResult result = engine().run(job, fs, paths, ws.output);
      assertThat(JobOutput.read(ws.output, job)).as("output of %s read from %s", job.name(), store)
          .isEqualTo(MapReduceOracle.run(job, inputs).partitions());
      if (!result.splits().isEmpty()) {
        checkSplits(fs, paths, result.splits());
      }
    }
  }

  /** Per file: splits from 0 to its length without gap or overlap, none past 1.1 blocks, each on its block's hosts. */
  private static void checkSplits(DistributedFileSystem fs, List<DfsPath> paths, List<Split> splits) throws Exception {
    for (DfsPath path : paths) {
      List<Split> mine = splits.stream().filter(s -> s.file().equals(path.value()))
          .sorted(java.util.Comparator.comparingLong(Split::start)).toList();
      org.bigdatalab.dfs.FileStatus status = fs.getFileStatus(path);
      assertThat(mine).as("splits of %s", path).isNotEmpty();
      long next = 0;
      for (Split split : mine) {
        assertThat(split.start()).as("start of %s (the previous split ended at %d)", split, next).isEqualTo(next);
        assertThat((double) split.length()).as("length of %s in %d-byte blocks", split, status.blockSize())
            .isLessThanOrEqualTo(BlockSplits.SPLIT_SLOP * status.blockSize());
        assertThat(split.hosts()).as("hosts of %s", split)
            .containsExactlyInAnyOrderElementsOf(BlockSplits.hostsAt(fs.blockLocations(path), split.start()));
        next = split.end();
      }
      assertThat(next).as("end of the last split of %s", path).isEqualTo(status.length());
    }
  }

  /** The located message anywhere in the cause chain, e.g. {@code in-0.csv:3: amount: not a number: "12x"}. */
  private static String locatedMessage(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof InputFormatException e) {
        return Path.of(e.file()).getFileName() + ":" + e.line() + ": " + e.field() + ": " + e.problem();
      }
    }
    return null;
  }
}
