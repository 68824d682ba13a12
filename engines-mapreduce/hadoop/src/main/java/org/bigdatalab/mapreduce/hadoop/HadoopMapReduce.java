package org.bigdatalab.mapreduce.hadoop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Cluster;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobStatus;
import org.apache.hadoop.mapreduce.MRConfig;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.mapreduce.Counters;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceClauses;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.OutputDirectoryExistsException;
import org.bigdatalab.mapreduce.Split;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.Topic;

/**
 * {@code mr-hadoop}: runs the spec's {@link MapReduceJob}s on Apache Hadoop MapReduce, through the
 * {@code org.apache.hadoop.mapreduce} API of the shaded Hadoop client.
 *
 * <h2>How a job reaches Hadoop</h2>
 * The job (its functions, comparators and codecs, all serializable) is Java-serialized into the
 * Hadoop {@link Configuration} (see {@link JobTransport}); generic wrapper classes read it back in
 * the tasks: {@link SpecMapper} over TextInputFormat, {@link SpecCombiner}, {@link SpecPartitioner},
 * {@link KeyOrder.Sort} and {@link KeyOrder.Grouping} (raw comparators that decode keys with the
 * job's map key codec), and {@link SpecReducer} writing {@code key<TAB>value} lines through
 * TextOutputFormat and FileOutputCommitter ({@code part-r-NNNNN}, {@code _SUCCESS}). Map output
 * travels as the codecs' bytes in {@link BytesWritable}s. Splits are cut with
 * {@code mapreduce.input.fileinputformat.split.maxsize = job.maxSplitBytes()}; lines end at
 * {@code '\n'} only ({@code textinputformat.record.delimiter}), a {@code '\r'} before it dropped, as
 * the SPI reads them (Hadoop's default reader would also end a line at a lone {@code '\r'}).
 * Nothing is kept in static state, so the same classes run in a cluster's task JVMs (the one
 * exception: a job reading a store that lives in this JVM finds it through {@link StoreHandles},
 * so that path runs on LocalJobRunner only).
 *
 * <h2>Input from a distributed file system</h2>
 * {@code dfs-hdfs} is read through its {@code hdfs://} paths by TextInputFormat, so Hadoop's own
 * FileInputFormat cuts one split per HDFS block; {@code dfs-memory} and {@code dfs-local} through
 * the DFS SPI by {@link DfsInputFormat}, with the same splits. The output stays a local directory.
 *
 * <h2>Configuration</h2>
 * By default the job runs in this JVM on Hadoop's LocalJobRunner:
 * {@code mapreduce.framework.name=local}, {@code fs.defaultFS=file:///}, a completion poll
 * interval of 50 ms (Hadoop's 5 s default makes a tiny job take seconds), as many local map and
 * reduce threads as processors, and {@code hadoop.tmp.dir} in a private temporary directory that
 * {@link #close()} deletes. Every {@link EngineOptions} entry is copied into the configuration
 * over these defaults (only the job's own split size and attempts override an option); that is
 * how a user points the engine at a cluster:
 * <pre>
 * --engine-opt mapreduce.framework.name=yarn --engine-opt fs.defaultFS=hdfs://namenode:8020
 * --engine-opt yarn.resourcemanager.address=rm:8032 --engine-opt mapreduce.job.jar=/path/to/jobs-with-deps.jar
 * </pre>
 * Input and output paths are then read on {@code fs.defaultFS} ({@code /data/in.txt} means the
 * cluster's {@code /data/in.txt}). {@code mapreduce.task.io.sort.mb} defaults to a size fitted to
 * the split size (Hadoop allocates that buffer in every map task, and tiny splits make many tasks).
 *
 * <h2>Errors</h2>
 * An existing output directory is refused before submission ({@link OutputDirectoryExistsException}).
 * A failed job throws {@link JobFailedException} whose cause is the task's exception rebuilt on
 * this side ({@link TaskFailures}): an {@link org.bigdatalab.spi.InputFormatException} for a bad
 * record, a {@link RemoteTaskException} with the original message otherwise. A failed job leaves
 * no part file, {@code _temporary} or {@code _SUCCESS} behind; the output directory is removed
 * when nothing else is in it.
 *
 * <h2>Not supported on LocalJobRunner</h2>
 * LocalJobRunner runs every task attempt once (attempt 0) and fails the job on the first error; it
 * ignores {@code mapreduce.map.maxattempts}. So {@code mapreduce.retry.failed-attempt-invisible} is
 * declared unsupported in local mode; on YARN the job's {@code maxAttempts} is passed on and the
 * clause is checked.
 */
public final class HadoopMapReduce implements MapReduceEngine {
  /** The engine's id, shared by local and cluster mode. */
  public static final String ID = "mr-hadoop";

  /** What the engine is when run with no options: LocalJobRunner in this JVM. */
  public static final EngineInfo LOCAL_INFO = info(true);
  /** What the engine is when the options name a cluster ({@code mapreduce.framework.name=yarn}). */
  public static final EngineInfo CLUSTER_INFO = info(false);

  static final String SORT_MB = MRJobConfig.IO_SORT_MB;
  /** Lines end at '\n' only, as the SPI reads them; SpecMapper drops a '\r' before it. */
  static final String RECORD_DELIMITER = "textinputformat.record.delimiter";
  private static final String POLL_INTERVAL = "mapreduce.client.completion.pollinterval";
  private static final String LOCAL_MAPS = "mapreduce.local.map.tasks.maximum";
  private static final String LOCAL_REDUCES = "mapreduce.local.reduce.tasks.maximum";

  private final EngineOptions options;
  private final Configuration base;
  private final boolean local;
  private final java.nio.file.Path tempDir;

  /** An engine on LocalJobRunner. */
  public HadoopMapReduce() {
    this(EngineOptions.NONE);
  }

  /** An engine configured by {@code options}: each one is set in Hadoop's configuration as given. */
  public HadoopMapReduce(EngineOptions options) {
    this.options = options;
    Configuration conf = new Configuration();
    conf.set(MRConfig.FRAMEWORK_NAME, MRConfig.LOCAL_FRAMEWORK_NAME);
    conf.set(FileSystem.FS_DEFAULT_NAME_KEY, "file:///");
    conf.setInt(POLL_INTERVAL, 50);
    int processors = Runtime.getRuntime().availableProcessors();
    conf.setInt(LOCAL_MAPS, processors);
    conf.setInt(LOCAL_REDUCES, processors);
    // We do not parse command lines with GenericOptionsParser; this silences Hadoop's warning about it.
    conf.setBoolean("mapreduce.client.genericoptionsparser.used", true);
    options.values().forEach(conf::set);
    this.local = MRConfig.LOCAL_FRAMEWORK_NAME.equals(conf.get(MRConfig.FRAMEWORK_NAME));
    if (local && !options.values().containsKey("hadoop.tmp.dir")) {
      try {
        tempDir = Files.createTempDirectory("mr-hadoop-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary directory for Hadoop", e);
      }
      conf.set("hadoop.tmp.dir", tempDir.toAbsolutePath().toString());
    } else {
      tempDir = null;
    }
    if (local) {
      // LocalJobRunner reads these two without defaults from mapred-default.xml and would fall
      // back to /tmp/hadoop/mapred/..., shared by every user and never cleaned.
      setUnlessGiven(conf, "mapreduce.jobtracker.staging.root.dir", "${hadoop.tmp.dir}/mapred/staging");
      setUnlessGiven(conf, "mapreduce.jobtracker.system.dir", "${hadoop.tmp.dir}/mapred/system");
    }
    this.base = conf;
  }

  private void setUnlessGiven(Configuration conf, String key, String value) {
    if (!options.values().containsKey(key)) {
      conf.set(key, value);
    }
  }

  private static EngineInfo info(boolean local) {
    EngineInfo.Builder b = EngineInfo.builder(ID, Topic.MAPREDUCE)
        .kind(EngineInfo.Kind.REAL)
        .displayName(local ? "Apache Hadoop MapReduce (LocalJobRunner)" : "Apache Hadoop MapReduce (cluster)")
        .description("Hadoop " + hadoopVersion()
            + " MapReduce: TextInputFormat, sort and shuffle, FileOutputCommitter. "
            + (local ? "Runs in this JVM on LocalJobRunner; set mapreduce.framework.name=yarn, fs.defaultFS and "
                + "yarn.resourcemanager.address to use a cluster."
                : "Runs on the cluster named by the engine options."));
    if (local) {
      b.unsupported(MapReduceClauses.RETRY_FAILED_ATTEMPT_INVISIBLE,
          "Hadoop's LocalJobRunner runs each task attempt once and fails the job on the first error "
              + "(it ignores mapreduce.map.maxattempts); task retries need YARN (mapreduce.framework.name=yarn)");
    }
    return b.build();
  }

  /** Read from the client jar's own version file: cheap, and starts none of Hadoop (not even its logging). */
  private static String hadoopVersion() {
    java.util.Properties p = new java.util.Properties();
    try (java.io.InputStream in = HadoopMapReduce.class.getClassLoader().getResourceAsStream("common-version-info.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // unknown version: said so below
    }
    return p.getProperty("version", "(unknown version)");
  }

  @Override
  public EngineInfo info() {
    return local ? LOCAL_INFO : CLUSTER_INFO;
  }

  /** A copy of the configuration jobs start from (defaults, then the engine options). */
  public Configuration configuration() {
    return new Configuration(base);
  }

  @Override
  public <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, List<java.nio.file.Path> inputs,
      java.nio.file.Path outputDir) throws JobFailedException {
    Configuration conf = jobConfiguration(job);
    return run(job, conf, inputs.stream().map(p -> hadoopPath(p, conf)).toList(), TextInputFormat.class,
        outputDir, ReportedSplits.LOCAL);
  }

  /**
   * Reads the files from a distributed file system. A store Hadoop can open itself (dfs-hdfs: its
   * {@link DistributedFileSystem#hadoopUri}) is read by TextInputFormat on its {@code hdfs://}
   * paths, so Hadoop's FileInputFormat cuts the splits from HDFS's own block locations; any other
   * store is read through the SPI by {@link DfsInputFormat}, which needs LocalJobRunner. Either way
   * the result's splits are Hadoop's, in its task order, with the store's DataNode ids as hosts.
   */
  @Override
  public <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, DistributedFileSystem fs,
      List<DfsPath> inputs, java.nio.file.Path outputDir) throws JobFailedException {
    Configuration conf = jobConfiguration(job);
    List<Path> hadoopPaths = new ArrayList<>();
    for (DfsPath input : inputs) {
      fs.hadoopUri(input).ifPresent(uri -> hadoopPaths.add(new Path(uri)));
    }
    ReportedSplits reported = new ReportedSplits(fs, inputs, hadoopPaths);
    if (hadoopPaths.size() == inputs.size()) {
      return run(job, conf, hadoopPaths, TextInputFormat.class, outputDir, reported);
    }
    if (!local) {
      throw new JobFailedException("job " + job.name() + ": its input store lives in this JVM, where a cluster's"
          + " tasks cannot read it; copy the input to HDFS, or run mr-hadoop on LocalJobRunner");
    }
    String handle = StoreHandles.register(conf, fs, inputs);
    try {
      return run(job, conf, inputs.stream().map(p -> new Path(p.value())).toList(), DfsInputFormat.class,
          outputDir, reported);
    } finally {
      StoreHandles.release(handle);
    }
  }

  private <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, Configuration conf, List<Path> inputs,
      Class<? extends InputFormat<LongWritable, Text>> inputFormat, java.nio.file.Path outputDir,
      ReportedSplits reported) throws JobFailedException {
    long started = System.nanoTime();
    Path output = hadoopPath(outputDir, conf);
    Path failures = new Path(output, TaskFailures.DIR_NAME);
    conf.set(TaskFailures.DIR_KEY, failures.toString());
    FileSystem fs;
    try {
      fs = output.getFileSystem(conf);
      if (fs.exists(output)) {
        throw new OutputDirectoryExistsException(outputDir);
      }
    } catch (IOException e) {
      throw new JobFailedException("job " + job.name() + ": cannot check output directory " + output + ": " + e, e);
    }
    Job hadoopJob = null;
    boolean submitted = false;
    boolean succeeded = false;
    try {
      hadoopJob = hadoopJob(job, conf, inputs, inputFormat, output);
      List<Split> splits = reported.of(hadoopJob, inputFormat);
      try {
        hadoopJob.submit();
      } catch (FileAlreadyExistsException | org.apache.hadoop.mapred.FileAlreadyExistsException e) {
        throw new OutputDirectoryExistsException(outputDir); // created since we looked
      }
      submitted = true;
      succeeded = hadoopJob.waitForCompletion(false);
      if (!succeeded) {
        throw failure(job, hadoopJob, fs, failures);
      }
      JobResult result = new JobResult(outputDir, job.numReducers(), counters(hadoopJob),
          failedAttempts(hadoopJob), Duration.ofNanos(System.nanoTime() - started), splits);
      fs.delete(failures, true);
      return result;
    } catch (JobFailedException e) {
      throw e;
    } catch (IOException | ClassNotFoundException e) {
      throw new JobFailedException("job " + job.name() + (submitted ? " failed: " : " could not be submitted: ") + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      killQuietly(hadoopJob);
      throw new JobFailedException("job " + job.name() + " interrupted", e);
    } finally {
      if (submitted && !succeeded) {
        removeFailedOutput(fs, output, failures);
      }
      closeQuietly(hadoopJob);
    }
  }

  /**
   * The base configuration plus what the job itself says (split size, attempts), which overrides
   * an engine option of the same key; the sort buffer is fitted only when no option sets it.
   */
  private Configuration jobConfiguration(MapReduceJob<?, ?, ?, ?> job) {
    Configuration conf = new Configuration(base);
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, job.maxSplitBytes());
    conf.setLong(FileInputFormat.SPLIT_MINSIZE, 1);
    conf.setInt(MRJobConfig.MAP_MAX_ATTEMPTS, job.maxAttempts());
    conf.setInt(MRJobConfig.REDUCE_MAX_ATTEMPTS, job.maxAttempts());
    setUnlessGiven(conf, RECORD_DELIMITER, "\n");
    if (!options.values().containsKey(SORT_MB)) {
      conf.setInt(SORT_MB, sortBufferMb(job.maxSplitBytes()));
    }
    JobTransport.put(conf, job);
    return conf;
  }

  /**
   * The map-side sort buffer: Hadoop's 100 MB for big splits, less for small ones (4 × the split,
   * at least 1 MB). Every map task allocates the whole buffer, so 100 MB for each of a thousand
   * 16-byte splits would spend seconds clearing memory. Output larger than the buffer still spills
   * to disk correctly.
   */
  static int sortBufferMb(long maxSplitBytes) {
    long mb = (4 * Math.min(maxSplitBytes, 1L << 40) + (1 << 20) - 1) >> 20;
    return (int) Math.max(1, Math.min(100, mb));
  }

  private <KM, VM, KO, VO> Job hadoopJob(MapReduceJob<KM, VM, KO, VO> job, Configuration conf,
      List<Path> inputs, Class<? extends InputFormat<LongWritable, Text>> inputFormat, Path output) throws IOException {
    // tag::guide-job[] (shown in the study guide)
    Job j = Job.getInstance(conf, job.name());
    if (!local && conf.get(MRJobConfig.JAR) == null) {
      j.setJarByClass(HadoopMapReduce.class);
    }
    j.setInputFormatClass(inputFormat);
    FileInputFormat.setInputPaths(j, inputs.toArray(Path[]::new));
    j.setMapperClass(rawClass(SpecMapper.class));
    if (job.combiner() != null) {
      j.setCombinerClass(rawClass(SpecCombiner.class));
    }
    j.setPartitionerClass(rawClass(SpecPartitioner.class));
    j.setSortComparatorClass(rawClass(KeyOrder.Sort.class));
    j.setGroupingComparatorClass(rawClass(KeyOrder.Grouping.class));
    j.setMapOutputKeyClass(BytesWritable.class);
    j.setMapOutputValueClass(BytesWritable.class);
    j.setReducerClass(rawClass(SpecReducer.class));
    j.setNumReduceTasks(job.numReducers());
    j.setOutputKeyClass(Text.class);
    j.setOutputValueClass(Text.class);
    j.setOutputFormatClass(rawClass(TextOutputFormat.class));
    FileOutputFormat.setOutputPath(j, output);
    // end::guide-job[]
    return j;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> Class<T> rawClass(Class c) {
    return c;
  }

  /**
   * A java.nio path as Hadoop sees it. On the local file system, the absolute {@code file:} URI;
   * with another {@code fs.defaultFS} (HDFS), the path as written, resolved on that file system.
   */
  static Path hadoopPath(java.nio.file.Path path, Configuration conf) {
    if (path.getFileSystem() != FileSystems.getDefault()) {
      return new Path(path.toUri());
    }
    String defaultFs = conf.get(FileSystem.FS_DEFAULT_NAME_KEY, "file:///");
    if (defaultFs.startsWith("file:")) {
      return new Path(path.toAbsolutePath().toUri());
    }
    return new Path(path.toString().replace(java.io.File.separatorChar, '/'));
  }

  /** The JobFailedException for a job Hadoop reports failed: the first task's recorded cause. */
  private JobFailedException failure(MapReduceJob<?, ?, ?, ?> job, Job hadoopJob, FileSystem fs, Path failuresDir)
      throws IOException, InterruptedException {
    List<TaskFailures.Failure> failures = TaskFailures.read(fs, failuresDir);
    JobStatus status = hadoopJob.getStatus();
    String state = status == null ? "FAILED" : status.getState().toString();
    if (failures.isEmpty()) {
      String diagnostics = diagnostics(hadoopJob);
      String info = status == null || status.getFailureInfo() == null || "NA".equals(status.getFailureInfo())
          ? "" : ": " + status.getFailureInfo();
      String message = "job " + job.name() + " (Hadoop " + hadoopJob.getJobID() + ") ended " + state + info
          + (diagnostics.isEmpty() ? "; no task recorded an error (see Hadoop's task logs)" : "; " + diagnostics);
      return diagnostics.isEmpty() ? new JobFailedException(message)
          : new JobFailedException(message, new RemoteTaskException("task diagnostics", diagnostics));
    }
    TaskFailures.Failure first = failures.get(0);
    JobFailedException failed = new JobFailedException("job " + job.name() + " failed in task " + first.taskId()
        + " (Hadoop " + first.attemptId() + "): " + first.describe(), first.toThrowable());
    for (TaskFailures.Failure other : failures.subList(1, failures.size())) {
      failed.addSuppressed(new JobFailedException("also failed: task " + other.taskId() + " (Hadoop "
          + other.attemptId() + "): " + other.describe(), other.toThrowable()));
    }
    return failed;
  }

  /** Hadoop's own diagnostics of failed attempts (a cluster has them; LocalJobRunner has none). */
  private static String diagnostics(Job hadoopJob) {
    List<String> lines = new ArrayList<>();
    try {
      for (TaskCompletionEvent event : completionEvents(hadoopJob)) {
        if (event.getStatus() == TaskCompletionEvent.Status.FAILED) {
          for (String d : hadoopJob.getTaskDiagnostics(event.getTaskAttemptId())) {
            lines.add(event.getTaskAttemptId() + ": " + d.lines().findFirst().orElse(""));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
    return String.join("; ", lines);
  }

  private static List<TaskCompletionEvent> completionEvents(Job hadoopJob) throws IOException, InterruptedException {
    List<TaskCompletionEvent> events = new ArrayList<>();
    while (true) {
      TaskCompletionEvent[] batch = hadoopJob.getTaskCompletionEvents(events.size(), 1000);
      if (batch == null || batch.length == 0) {
        return events;
      }
      events.addAll(List.of(batch));
    }
  }

  private static int failedAttempts(Job hadoopJob) throws IOException, InterruptedException {
    return (int) completionEvents(hadoopJob).stream()
        .filter(e -> e.getStatus() == TaskCompletionEvent.Status.FAILED).count();
  }

  private static final Map<TaskCounter, org.apache.hadoop.mapreduce.TaskCounter> COUNTERS = counterMap();

  private static Map<TaskCounter, org.apache.hadoop.mapreduce.TaskCounter> counterMap() {
    Map<TaskCounter, org.apache.hadoop.mapreduce.TaskCounter> map = new EnumMap<>(TaskCounter.class);
    for (TaskCounter c : TaskCounter.values()) {
      // The SPI names its counters as Hadoop does. One Hadoop lacks stays 0, and the spec's
      // counter clause then says so, rather than the engine failing to load.
      for (org.apache.hadoop.mapreduce.TaskCounter h : org.apache.hadoop.mapreduce.TaskCounter.values()) {
        if (h.name().equals(c.name())) {
          map.put(c, h);
        }
      }
    }
    return map;
  }

  private static Counters counters(Job hadoopJob) throws IOException {
    org.apache.hadoop.mapreduce.Counters hadoop = hadoopJob.getCounters();
    Map<TaskCounter, Long> values = new EnumMap<>(TaskCounter.class);
    if (hadoop != null) {
      COUNTERS.forEach((ours, theirs) -> values.put(ours, hadoop.findCounter(theirs).getValue()));
    }
    return new Counters(values);
  }

  /**
   * After a failure: FileOutputCommitter's abort has removed {@code _temporary} (we make sure),
   * and no part file or marker may remain. The directory itself did not exist before the job, so
   * it goes too when nothing else is left in it.
   */
  private static void removeFailedOutput(FileSystem fs, Path output, Path failures) {
    try {
      fs.delete(failures, true);
      if (!fs.exists(output)) {
        return;
      }
      for (FileStatus s : fs.listStatus(output)) {
        String name = s.getPath().getName();
        if (name.equals("_temporary") || name.startsWith("part-") || name.startsWith(".part-")
            || name.equals("_SUCCESS") || name.equals("._SUCCESS.crc")) {
          fs.delete(s.getPath(), true);
        }
      }
      if (fs.listStatus(output).length == 0) {
        fs.delete(output, false);
      }
    } catch (IOException e) {
      // best effort: the job's own error is what the caller needs to see
    }
  }

  private static void killQuietly(Job hadoopJob) {
    try {
      if (hadoopJob != null && !hadoopJob.isComplete()) {
        hadoopJob.killJob();
      }
    } catch (IOException | IllegalStateException e) {
      // not submitted, or already gone
    }
  }

  private static void closeQuietly(Job hadoopJob) {
    if (hadoopJob == null) {
      return;
    }
    try {
      Cluster cluster = hadoopJob.getCluster();
      if (cluster != null) {
        cluster.close();
      }
    } catch (IOException | RuntimeException e) {
      // nothing to release
    }
  }

  /** Deletes the private {@code hadoop.tmp.dir} of local mode. */
  @Override
  public void close() throws IOException {
    if (tempDir == null || !Files.exists(tempDir)) {
      return;
    }
    // LocalJobRunner's cleanup may still be deleting a job's staging files while we walk the tree
    // (a walk then meets a file that is gone): walk again, a few times at most.
    for (int attempt = 1; ; attempt++) {
      try (Stream<java.nio.file.Path> walk = Files.walk(tempDir)) {
        for (java.nio.file.Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
        return;
      } catch (java.io.UncheckedIOException e) {
        if (attempt == 5 || !(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
          throw e;
        }
      } catch (java.nio.file.NoSuchFileException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }
}
