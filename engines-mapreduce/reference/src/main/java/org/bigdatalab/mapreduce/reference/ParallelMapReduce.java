package org.bigdatalab.mapreduce.reference;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.bigdatalab.mapreduce.Collector;
import org.bigdatalab.mapreduce.Counters;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.Mapper;
import org.bigdatalab.mapreduce.Partitioner;
import org.bigdatalab.mapreduce.WordCountMapper;
import org.bigdatalab.mapreduce.TaskContext;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.Codec;
import org.bigdatalab.spi.Codecs;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.InputFormatException;
import org.bigdatalab.spi.Topic;

/**
 * {@code mr-parallel}: Hadoop's execution model on one machine. Map tasks run on a thread pool;
 * each writes its output, encoded by the job's codecs, into a bounded {@link SortBuffer}, which
 * sorts and spills it to disk when full (combining each spill); at the end of the task its spills
 * are merged into one partitioned, sorted run ({@link SpillMerge}). Then reduce tasks run on the
 * same pool: each merges its partition's segment of every map output ({@link KWayMerge}), groups by
 * the grouping comparator and streams each group to the reducer, writing through
 * {@link StagedOutput} exactly as {@link SequentialMapReduce} does. Memory per map task is about
 * the sort buffer; nothing holds a whole partition.
 *
 * <p>Assumptions and guarantees:
 * <ol>
 *   <li>Output equals the oracle's, value order included: spills, merges and the shuffle are
 *       stable (equal keys keep map-task order, then emission order).</li>
 *   <li>A failed attempt (any exception but a bad record) is retried up to
 *       {@code job.maxAttempts()}; its spill files, output file and counters are thrown away, and
 *       what it added to a word table shared with earlier tasks is taken back ({@link WordScan#rollback}).</li>
 *   <li>A reducer sees each group's values streamed once: a second {@code iterator()} call fails.</li>
 *   <li>Spill files live in a fresh directory under {@code spillDir}, deleted when the job ends,
 *       whether it succeeded or failed. {@link #close()} stops the pool.</li>
 *   <li>The job's functions (mapper, combiner, reducer, partitioner, comparators, codecs) are
 *       shared by tasks running at the same time, so they must be stateless or thread-safe, as
 *       every job in {@code org.bigdatalab.mapreduce.jobs} is.</li>
 * </ol>
 *
 * <p>Example: word count of {@code "the cat\nthe hat\n"} with 2 threads and one reducer gives
 * {@code part-r-00000} = {@code cat 1, hat 1, the 2} (tab-separated lines) and counters
 * MAP_INPUT 2, MAP_OUTPUT 4, REDUCE_INPUT_GROUPS 3, REDUCE_OUTPUT 3. With the sum as combiner,
 * the map task's spill folds the two {@code (the, 1)} into {@code (the, 2)} before the shuffle:
 * COMBINE_INPUT 4, COMBINE_OUTPUT 3, SPILLED 3, REDUCE_INPUT_RECORDS 3.
 *
 * <p>Options (see {@link ParallelMapReduceProvider}): {@code threads}, {@code sort.buffer},
 * {@code spill.dir}, {@code merge.factor}.
 */
public class ParallelMapReduce extends SplitPlanningMapReduce {
  public static final EngineInfo INFO = EngineInfo.builder("mr-parallel", Topic.MAPREDUCE)
      .displayName("Parallel MapReduce (reference)")
      .kind(EngineInfo.Kind.REFERENCE)
      .description("Thread pool, bounded sort buffer of encoded records, spills, k-way merges, staged commit.")
      .build();

  public static final long DEFAULT_SORT_BUFFER_BYTES = 64L << 20;
  public static final int DEFAULT_MERGE_FACTOR = 32;

  private static final int COUNTERS = TaskCounter.values().length;
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int threads;
  private final long sortBufferBytes;
  private final Path spillDir;
  private final int mergeFactor;
  private final ExecutorService pool;
  private final AtomicLong spills = new AtomicLong();

  /** Thrown inside tasks once the job is aborted (another task failed); never retried or reported. */
  private static final class Aborted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Aborted INSTANCE = new Aborted();

    private Aborted() {
      super("job aborted", null, false, false);
    }
  }

  /** As many threads as processors, a 64 MB sort buffer, spills under {@code java.io.tmpdir}. */
  public ParallelMapReduce() {
    this(Runtime.getRuntime().availableProcessors(), DEFAULT_SORT_BUFFER_BYTES);
  }

  public ParallelMapReduce(int threads, long sortBufferBytes) {
    this(threads, sortBufferBytes, Path.of(System.getProperty("java.io.tmpdir")));
  }

  public ParallelMapReduce(int threads, long sortBufferBytes, Path spillDir) {
    this(threads, sortBufferBytes, spillDir, DEFAULT_MERGE_FACTOR);
  }

  /**
   * @param threads         map and reduce tasks running at once
   * @param sortBufferBytes each running map task's sort buffer (1KB to 1GB)
   * @param spillDir        where each job makes its temporary spill directory
   * @param mergeFactor     most runs merged at once (at least 2); more runs take several passes
   */
  public ParallelMapReduce(int threads, long sortBufferBytes, Path spillDir, int mergeFactor) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (sortBufferBytes < 1024 || sortBufferBytes > (1L << 30)) {
      throw new IllegalArgumentException("sort buffer must be between 1KB and 1GB, got " + sortBufferBytes + " bytes");
    }
    if (mergeFactor < 2) {
      throw new IllegalArgumentException("merge factor must be at least 2, got " + mergeFactor);
    }
    this.threads = threads;
    this.sortBufferBytes = sortBufferBytes;
    this.spillDir = Objects.requireNonNull(spillDir, "spillDir");
    this.mergeFactor = mergeFactor;
    int poolId = POOLS.incrementAndGet();
    AtomicInteger threadIds = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "mr-parallel-" + poolId + "-" + threadIds.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public EngineInfo info() {
    return INFO;
  }

  public int threads() { return threads; }
  public long sortBufferBytes() { return sortBufferBytes; }
  public Path spillDir() { return spillDir; }
  public int mergeFactor() { return mergeFactor; }

  /** Sort buffer spills written by successful map attempts since this engine was made. */
  public long spillCount() {
    return spills.get();
  }

  @Override
  public void close() {
    pool.shutdown();
  }

  @Override
  protected <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, InputSplit.Plan plan, Path outputDir)
      throws JobFailedException {
    long started = System.nanoTime();
    try (StagedOutput staged = new StagedOutput(outputDir)) {
      Files.createDirectories(spillDir);
      Path dir = Files.createTempDirectory(spillDir, "mr-parallel-");
      try {
        return new JobRun<>(job, staged, dir).run(plan.splits(), outputDir, started);
      } finally {
        deleteTree(dir);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new JobFailedException("job " + job.name() + " failed: " + e, e);
    }
  }

  /** Best effort: a spill file that cannot be deleted must not fail a job that has committed. */
  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // left for the OS to clean up with the rest of the temp directory
    }
  }

  private int readBufferBytes() {
    return (int) Math.max(4096, Math.min(1 << 16, sortBufferBytes / mergeFactor));
  }

  /** One attempt of one task. */
  private interface Attempt {
    void run(int task, int attempt) throws Exception;
  }

  /** The state of one job: its counters, its failure, its pool of sort buffers. */
  private final class JobRun<KM, VM, KO, VO> {
    private final MapReduceJob<KM, VM, KO, VO> job;
    private final StagedOutput staged;
    private final Path dir;
    private final Counters.Accumulator counters = new Counters.Accumulator();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final AtomicReference<JobFailedException> failure = new AtomicReference<>();
    private final ConcurrentLinkedQueue<SortBuffer> buffers = new ConcurrentLinkedQueue<>();
    /** Runs of shared word tables' words (see {@link #spillWordTables}), read by the reduce after the map outputs. */
    private final ConcurrentLinkedQueue<SpillFile> wordRuns = new ConcurrentLinkedQueue<>();
    private final AtomicInteger wordRunIds = new AtomicInteger();
    private volatile boolean aborted;
    private final Runnable check = () -> {
      if (aborted) {
        throw Aborted.INSTANCE;
      }
    };

    JobRun(MapReduceJob<KM, VM, KO, VO> job, StagedOutput staged, Path dir) {
      this.job = job;
      this.staged = staged;
      this.dir = dir;
    }

    JobResult run(List<InputSplit> splits, Path outputDir, long started) throws JobFailedException, IOException {
      SpillFile[] mapOutputs = new SpillFile[splits.size()];
      runAll(splits.size(), i -> splits.get(i).taskId(),
          (i, attempt) -> mapOutputs[i] = mapAttempt(splits.get(i), attempt));
      spillWordTables();
      buffers.clear();
      List<SpillFile> outputs = new ArrayList<>(Arrays.asList(mapOutputs));
      outputs.addAll(wordRuns);
      Path[] parts = new Path[job.numReducers()];
      runAll(job.numReducers(), ParallelMapReduce::reduceTaskId,
          (p, attempt) -> parts[p] = reduceAttempt(p, attempt, outputs));
      for (int p = 0; p < parts.length; p++) {
        staged.promote(parts[p], p);
      }
      staged.commit();
      return new JobResult(outputDir, job.numReducers(), counters.snapshot(), failedAttempts.get(),
          Duration.ofNanos(System.nanoTime() - started), InputSplit.reports(splits));
    }

    /** Runs tasks 0..n-1 on the pool, each with retries; waits for all of them, then throws the first failure. */
    private void runAll(int n, IntFunction<String> taskIds, Attempt body) throws JobFailedException {
      List<Future<?>> futures = new ArrayList<>(n);
      try {
        for (int i = 0; i < n; i++) {
          int task = i;
          futures.add(pool.submit(() -> runTask(task, taskIds.apply(task), body)));
        }
      } catch (RejectedExecutionException e) {
        fail(new JobFailedException("job " + job.name() + " cannot run: the engine is closed", e));
      }
      boolean interrupted = false;
      for (Future<?> future : futures) {
        while (true) {
          try {
            future.get();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
            fail(new JobFailedException("job " + job.name() + " interrupted", e));
          } catch (ExecutionException e) {
            fail(new JobFailedException("job " + job.name() + " failed: " + e.getCause(), e.getCause()));
            break;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      JobFailedException failed = failure.get();
      if (failed != null) {
        throw failed;
      }
    }

    private void fail(JobFailedException e) {
      failure.compareAndSet(null, e);
      aborted = true;
    }

    private void runTask(int task, String taskId, Attempt body) {
      for (int attempt = 0; !aborted; attempt++) {
        try {
          body.run(task, attempt);
          return;
        } catch (Throwable thrown) {
          Throwable cause = thrown instanceof SortBuffer.SpillFailure ? thrown.getCause() : thrown;
          if (cause instanceof Aborted) {
            return;
          }
          if (!(cause instanceof Exception) || cause instanceof InputFormatException || cause instanceof BadRecordException) {
            fail(new JobFailedException("job " + job.name() + " failed in task " + taskId + ": " + cause.getMessage(), cause));
            return;
          }
          failedAttempts.incrementAndGet();
          if (attempt + 1 >= job.maxAttempts()) {
            fail(new JobFailedException("job " + job.name() + " failed in task " + taskId + " after " + (attempt + 1)
                + " attempt(s): " + cause, cause));
            return;
          }
        }
      }
    }

    private void addCounts(long[] counts) {
      for (TaskCounter c : TaskCounter.values()) {
        counters.add(c, counts[c.ordinal()]);
      }
    }

    // Map ----------------------------------------------------------------------------------------

    /**
     * Maps one split into one sorted, partitioned run (null if it emitted nothing, or if all it
     * emitted stays in the buffer's shared word table, to be spilled by {@link #spillWordTables}).
     */
    private SpillFile mapAttempt(InputSplit split, int attempt) throws Exception {
      SortBuffer buffer = buffers.poll();
      if (buffer == null) {
        buffer = new SortBuffer(sortBufferBytes);
      }
      try {
        WordScan words = buffer.words();
        if (words != null && !words.shareable() && words.holdsWords()) {
          spillWordTable(buffer, words); // left by an attempt that failed after the table filled up
        }
        try {
          return mapSplit(buffer, split, attempt, "");
        } catch (WordScan.TableFull full) {
          // Rolled back: the table holds the words of this buffer's earlier tasks only. They go out
          // as a run of their own, and this split is mapped again with a table of its own.
          words = buffer.words();
          words.stopSharing();
          spillWordTable(buffer, words);
          return mapSplit(buffer, split, attempt, "-own");
        }
      } finally {
        buffers.offer(buffer);
      }
    }

    private SpillFile mapSplit(SortBuffer buffer, InputSplit split, int attempt, String suffix) throws Exception {
      Task task = new Task(split.taskId(), attempt, split.file().name());
      long[] counts = new long[COUNTERS];
      SpillNames names = new SpillNames(dir, split.taskId() + "-a" + attempt + suffix);
      WordScan words = null;
      SpillFile output = null;
      int spilled;
      try {
        buffer.bind(job, task, counts, names);
        MapOutput out = new MapOutput(buffer, task, counts);
        try (SplitLineReader reader = new SplitLineReader(split)) {
          if (scansWords(buffer)) {
            words = buffer.words(() -> wordScan(buffer, job.numReducers()));
            words.begin(buffer.sortsStringsNaturally());
            scanWords(reader, words, out, counts);
          }
          for (String line = reader.next(); line != null; line = reader.next()) {
            if (aborted) {
              throw Aborted.INSTANCE;
            }
            counts[TaskCounter.MAP_INPUT_RECORDS.ordinal()]++;
            try {
              job.mapper().map(reader.offset(), line, out);
            } catch (BadRecordException bad) {
              if (!job.skipBadRecords()) {
                throw InputFormatException.at(split.file().location(),
                    SplitLineReader.lineNumberAt(split.file(), reader.offset()), bad);
              }
              counts[TaskCounter.MAP_SKIPPED_RECORDS.ordinal()]++;
            }
          }
        }
        List<SpillFile> runs = buffer.finish();
        spilled = runs.size();
        if (!runs.isEmpty()) {
          output = new SpillMerge<>(job.mapKeyCodec(), job.mapValueCodec(), job.sortComparator(), job.combiner(),
              mergeFactor, readBufferBytes(), buffer.ioBuffer(), names, counts, task, check).mergeAll(runs);
        }
        names.discardAllBut(output == null ? null : output.path());
        if (words != null) {
          words.commit(); // last: nothing after it can fail the attempt
        }
      } catch (Throwable t) {
        if (words != null) {
          words.rollback();
        }
        discardAfter(t, names);
        throw t;
      } finally {
        buffer.unbind();
      }
      addCounts(counts);
      spills.addAndGet(spilled);
      return output;
    }

    /**
     * After the map phase: each buffer's shared word table, written as one run per buffer (as
     * tasks, so the tables spill in parallel and a failed write is retried).
     */
    private void spillWordTables() throws JobFailedException {
      List<SortBuffer> holding = new ArrayList<>();
      for (SortBuffer buffer : buffers) {
        if (buffer.words() != null && buffer.words().holdsWords()) {
          holding.add(buffer);
        }
      }
      runAll(holding.size(), i -> "m-words-" + i, (i, attempt) -> spillWordTable(holding.get(i), holding.get(i).words()));
    }

    /**
     * Spills a word table's words as a map output run of their own ({@link WordScan#finish} into the
     * empty buffer: the table writes itself, see {@link WordTableSpill}) and empties the table. If
     * the write fails the table keeps its words, for the retry.
     */
    private void spillWordTable(SortBuffer buffer, WordScan words) throws Exception {
      Task task = new Task("m-words-" + wordRunIds.getAndIncrement(), 0, "");
      long[] counts = new long[COUNTERS];
      SpillNames names = new SpillNames(dir, task.taskId());
      SpillFile output = null;
      try {
        buffer.bind(job, task, counts, names);
        if (!buffer.takesSortedStrings()) {
          throw new IllegalStateException("a shared word table is spilled only by itself, into an empty buffer");
        }
        words.finish();
        List<SpillFile> runs = buffer.finish();
        output = runs.isEmpty() ? null : runs.get(0);
        names.discardAllBut(output == null ? null : output.path());
      } catch (Throwable t) {
        discardAfter(t, names);
        throw t;
      } finally {
        buffer.unbind();
      }
      if (output != null) {
        wordRuns.add(output);
        spills.incrementAndGet();
      }
      addCounts(counts);
    }

    /** Deletes every file a failed map attempt wrote; a failure to delete is kept beside the attempt's own. */
    private void discardAfter(Throwable failure, SpillNames names) {
      try {
        names.discardAllBut(null);
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }

    /**
     * Whether the job is word count as {@link WordScan} may run it: the declared mapper, hash
     * partitioner and codecs, and a sum the buffer folds.
     */
    private boolean scansWords(SortBuffer buffer) {
      return job.mapper() instanceof WordCountMapper && job.partitioner() == Partitioner.hash()
          && job.mapKeyCodec() == Codecs.STRING && job.mapValueCodec() == Codecs.LONG && buffer.folding();
    }

    /**
     * The whole split through {@link WordScan}; a line it leaves (not ASCII) goes to the job's
     * mapper. A table of its own is finished here; a shared one keeps its words.
     */
    @SuppressWarnings("unchecked")
    private void scanWords(SplitLineReader reader, WordScan scan, MapOutput out, long[] counts) throws Exception {
      while (reader.nextLine()) {
        if (aborted) {
          throw Aborted.INSTANCE;
        }
        counts[TaskCounter.MAP_INPUT_RECORDS.ordinal()]++;
        int words = scan.scan(reader.lineBytes(), reader.lineFrom(), reader.lineLength());
        if (words >= 0) {
          counts[TaskCounter.MAP_OUTPUT_RECORDS.ordinal()] += words;
        } else {
          String line = new String(reader.lineBytes(), reader.lineFrom(), reader.lineLength(), StandardCharsets.UTF_8);
          ((Mapper<Object, Object>) job.mapper()).map(reader.offset(), line, (Collector<Object, Object>) out);
        }
      }
      if (!scan.shared()) {
        scan.finish();
      }
    }

    /** The map function's collector: counts, then buffers. */
    private final class MapOutput implements Collector<KM, VM> {
      private final SortBuffer buffer;
      private final TaskContext task;
      private final long[] counts;

      MapOutput(SortBuffer buffer, TaskContext task, long[] counts) {
        this.buffer = buffer;
        this.task = task;
        this.counts = counts;
      }

      @Override
      public void emit(KM key, VM value) {
        buffer.add(key, value);
        counts[TaskCounter.MAP_OUTPUT_RECORDS.ordinal()]++;
      }

      @Override
      public TaskContext task() {
        return task;
      }
    }

    // Reduce -------------------------------------------------------------------------------------

    /** Merges partition {@code p} of every map output, reduces it into a fresh attempt file, returns the file. */
    private Path reduceAttempt(int p, int attempt, List<SpillFile> mapOutputs) throws Exception {
      Task task = new Task(reduceTaskId(p), attempt, "");
      long[] counts = new long[COUNTERS];
      SpillNames names = new SpillNames(dir, task.taskId() + "-a" + attempt);
      Path file = staged.attemptFile(p, attempt);
      try {
        List<SpillFile> runs = new ArrayList<>();
        for (SpillFile output : mapOutputs) {
          if (output != null && output.records()[p] > 0) {
            runs.add(output.partition(p));
          }
        }
        if (runs.size() > mergeFactor) {
          runs = new SpillMerge<>(job.mapKeyCodec(), job.mapValueCodec(), job.sortComparator(), null, mergeFactor,
              readBufferBytes(), new byte[1 << 16], names, counts, task, check).narrow(runs);
        }
        BytesReduce.Kind bytesReduce = BytesReduce.of(job);
        if (bytesReduce != null) {
          try (OutputStream stream = Files.newOutputStream(file)) {
            reduceBytes(runs, bytesReduce, stream, counts);
          }
        } else {
          try (BufferedWriter writer = staged.open(file)) {
            reduce(runs, new ReduceOutput(writer, task, counts), counts);
          }
        }
      } catch (Throwable t) {
        try {
          staged.discard(file);
        } catch (IOException e) {
          t.addSuppressed(e);
        }
        throw t;
      } finally {
        names.discardAllBut(null);
      }
      addCounts(counts);
      return file;
    }

    private void reduce(List<SpillFile> runs, ReduceOutput out, long[] counts) throws Exception {
      List<SpillSegment> segments = openSegments(runs);
      try {
        KWayMerge<KM> merge = new KWayMerge<>(segments, job.mapKeyCodec(), job.sortComparator());
        counts[TaskCounter.REDUCE_INPUT_GROUPS.ordinal()] +=
            merge.reduceGroups(job.groupingComparator(), job.mapValueCodec(), job.reducer(), out, check);
        counts[TaskCounter.REDUCE_INPUT_RECORDS.ordinal()] += merge.consumed();
      } finally {
        closeSegments(segments);
      }
    }

    /** The reduce of a reducer declared by its type, on the merged bytes ({@link BytesReduce}). */
    private void reduceBytes(List<SpillFile> runs, BytesReduce.Kind kind, OutputStream out, long[] counts) throws Exception {
      List<SpillSegment> segments = openSegments(runs);
      try {
        BytesReduce done = BytesReduce.run(kind, new KWayMerge<>(segments, job.mapKeyCodec(), job.sortComparator()), out, check);
        counts[TaskCounter.REDUCE_INPUT_GROUPS.ordinal()] += done.groups;
        counts[TaskCounter.REDUCE_INPUT_RECORDS.ordinal()] += done.records;
        counts[TaskCounter.REDUCE_OUTPUT_RECORDS.ordinal()] += done.outputs;
      } finally {
        closeSegments(segments);
      }
    }

    private List<SpillSegment> openSegments(List<SpillFile> runs) throws IOException {
      List<SpillSegment> segments = new ArrayList<>(runs.size());
      try {
        for (SpillFile run : runs) {
          FileChannel channel = FileChannel.open(run.path(), StandardOpenOption.READ);
          segments.add(new SpillSegment(segments.size(), channel, true, run.start(0), run.end(0), readBufferBytes()));
        }
      } catch (IOException | RuntimeException e) {
        closeSegments(segments);
        throw e;
      }
      return segments;
    }

    private void closeSegments(List<SpillSegment> segments) throws IOException {
      for (SpillSegment s : segments) {
        s.close();
      }
    }

    /** Writes {@code key<TAB>value} lines, as {@link org.bigdatalab.mapreduce.JobOutput#line} does. */
    private final class ReduceOutput implements Collector<KO, VO> {
      private final BufferedWriter writer;
      private final TaskContext task;
      private final long[] counts;
      private final Codec<KO> keys = job.outputKeyCodec();
      private final Codec<VO> values = job.outputValueCodec();

      ReduceOutput(BufferedWriter writer, TaskContext task, long[] counts) {
        this.writer = writer;
        this.task = task;
        this.counts = counts;
      }

      @Override
      public void emit(KO key, VO value) {
        try {
          writer.write(keys.toText(key));
          writer.write('\t');
          writer.write(values.toText(value));
          writer.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        counts[TaskCounter.REDUCE_OUTPUT_RECORDS.ordinal()]++;
      }

      @Override
      public TaskContext task() {
        return task;
      }
    }
  }

  /** The byte-level word count map of one task attempt; a broken engine in the tests gives its own. */
  WordScan wordScan(SortBuffer buffer, int partitions) {
    return new WordScan(buffer, partitions, sortBufferBytes);
  }

  private static String reduceTaskId(int partition) {
    return String.format("r-%05d", partition);
  }
}
