package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.mapreduce.Counters;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.Partitioner;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.InputFormatException;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Topic;

/**
 * Deliberately broken engines, each wrong in one classic way. {@link MapReduceSelfTest} shows that
 * the matching clause catches each one: a clause no broken engine fails has no teeth.
 */
final class BrokenMapReduceEngines {
  private BrokenMapReduceEngines() {}

  private static EngineInfo broken(String id, String what) {
    return EngineInfo.builder(id, Topic.MAPREDUCE).kind(EngineInfo.Kind.BROKEN).description(what).build();
  }

  /** Loses the last line of every split, a classic line-reader bug at split boundaries. */
  static final class DropsLastLineOfSplit extends SequentialMapReduce {
    @Override public EngineInfo info() { return broken("broken-drops-last-line", "drops the last line of each split"); }

    @Override protected SplitLineReader openReader(InputSplit split) throws IOException {
      return new SplitLineReader(split) {
        private String ahead = super.next();
        private long aheadOffset = super.offset();
        private long offset;

        @Override public String next() throws IOException {
          String line = ahead;
          offset = aheadOffset;
          ahead = line == null ? null : super.next();
          aheadOffset = super.offset();
          return ahead == null ? null : line;
        }

        @Override public long offset() { return offset; }
      };
    }
  }

  /**
   * Reads each split's bytes alone, as if lines never crossed a block boundary: a line cut by a
   * boundary comes out as two lines, each counted where its piece lies.
   */
  static final class ReadsBlocksAlone extends SequentialMapReduce {
    @Override public EngineInfo info() { return broken("broken-blocks-alone", "reads each block as if no line crossed it"); }

    @Override protected SplitLineReader openReader(InputSplit split) throws IOException {
      byte[] bytes = new byte[(int) (split.end() - split.start())];
      try (java.nio.channels.ReadableByteChannel in = split.file().openAt(split.start())) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining() && in.read(buffer) >= 0) {
          // fills the buffer with the split's bytes
        }
      }
      SplitFile alone = new SplitFile() {
        @Override public String name() { return split.file().name(); }
        @Override public String location() { return split.file().location(); }
        @Override public java.nio.channels.ReadableByteChannel openAt(long position) {
          return java.nio.channels.Channels.newChannel(
              new java.io.ByteArrayInputStream(bytes, (int) position, bytes.length - (int) position));
        }
      };
      return new SplitLineReader(new InputSplit(split.index(), alone, 0, bytes.length, split.hosts())) {
        @Override public long offset() { return split.start() + super.offset(); }
      };
    }
  }

  /** Feeds each task's records to the combiner twice and keeps both outputs. */
  static final class CombinesTwice extends SequentialMapReduce {
    @Override public EngineInfo info() { return broken("broken-combines-twice", "runs the combiner twice on the same records"); }

    @Override protected <KM, VM> List<KeyValue<KM, VM>> combine(MapReduceJob<KM, VM, ?, ?> job,
        List<KeyValue<KM, VM>> records, Task task, Counters.Accumulator counters) throws Exception {
      List<KeyValue<KM, VM>> twice = new ArrayList<>(super.combine(job, new ArrayList<>(records), task, counters));
      twice.addAll(super.combine(job, records, task, counters));
      return twice;
    }
  }

  /** Hash-partitions whatever partitioner the job asked for. */
  static final class IgnoresPartitioner extends SequentialMapReduce {
    @Override public EngineInfo info() { return broken("broken-ignores-partitioner", "always hash-partitions"); }

    @Override public <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, List<Path> inputs, Path out)
        throws JobFailedException {
      return super.run(job.toBuilder().partitioner(Partitioner.hash()).build(), inputs, out);
    }
  }

  /** Sorts keys in natural order, ignoring the job's comparator (grouping stays the job's). */
  static final class IgnoresSortComparator extends SequentialMapReduce {
    @Override public EngineInfo info() { return broken("broken-natural-order", "sorts by natural order"); }

    @Override public <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, List<Path> inputs, Path out)
        throws JobFailedException {
      return super.run(job.toBuilder().sortComparator(org.bigdatalab.mapreduce.KeyComparator.natural())
          .groupingComparator(job.groupingComparator()).build(), inputs, out);
    }
  }

  /** Groups by the sort comparator, so secondary sort gets one call per (group, value). */
  static final class IgnoresGroupingComparator extends SequentialMapReduce {
    @Override public EngineInfo info() { return broken("broken-no-grouping", "ignores the grouping comparator"); }

    @Override public <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, List<Path> inputs, Path out)
        throws JobFailedException {
      return super.run(job.toBuilder().groupingComparator(job.sortComparator()).build(), inputs, out);
    }
  }

  /** Skips the sort: equal keys are grouped only where they happen to be adjacent. */
  static final class SkipsTheSort extends SequentialMapReduce {
    @Override public EngineInfo info() { return broken("broken-skips-sort", "groups without sorting"); }

    @Override public <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, List<Path> inputs, Path out)
        throws JobFailedException {
      return super.run(job.toBuilder().sortComparator((a, b) -> 0).groupingComparator(job.groupingComparator()).build(),
          inputs, out);
    }
  }

  /** Reports what the reducers read as if no combiner had run. */
  static final class MiscountsReduceInput extends SequentialMapReduce {
    @Override public EngineInfo info() { return broken("broken-counters", "counts map output as reduce input"); }

    @Override public <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, List<Path> inputs, Path out)
        throws JobFailedException {
      JobResult r = super.run(job, inputs, out);
      Map<TaskCounter, Long> values = new EnumMap<>(r.counters().values());
      values.put(TaskCounter.REDUCE_INPUT_RECORDS, values.get(TaskCounter.MAP_OUTPUT_RECORDS));
      return new JobResult(r.outputDir(), r.partitions(), new Counters(values), r.failedAttempts(), r.elapsed());
    }
  }

  /** Leaves a partial part file behind when a job fails, as a non-atomic commit would. */
  static final class LeavesPartialOutput extends SequentialMapReduce {
    @Override public EngineInfo info() { return broken("broken-partial-output", "writes output in place"); }

    @Override public <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, List<Path> inputs, Path out)
        throws JobFailedException {
      try {
        return super.run(job, inputs, out);
      } catch (JobFailedException e) {
        try {
          Files.createDirectories(out);
          Files.writeString(out.resolve(JobOutput.partName(0)), "half\t1\n");
        } catch (IOException io) {
          e.addSuppressed(io);
        }
        throw e;
      }
    }
  }

  /** Retries failed attempts but does not report them. */
  static final class HidesFailedAttempts extends SequentialMapReduce {
    @Override public EngineInfo info() { return broken("broken-hides-retries", "does not count failed attempts"); }

    @Override protected <T> T withRetries(MapReduceJob<?, ?, ?, ?> job, String taskId, int[] failedAttempts,
        Attempt<T> task) throws JobFailedException {
      return super.withRetries(job, taskId, new int[1], task);
    }
  }

  /** Reports the byte offset where the line number belongs. */
  static final class ReportsOffsetsAsLines extends SequentialMapReduce {
    @Override public EngineInfo info() { return broken("broken-error-location", "names the byte offset, not the line"); }

    @Override public <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, List<Path> inputs, Path out)
        throws JobFailedException {
      try {
        return super.run(job, inputs, out);
      } catch (JobFailedException e) {
        if (e.getCause() instanceof InputFormatException located) {
          throw new JobFailedException(e.getMessage(), new InputFormatException(located.file(),
              located.line() * 7 + 3, located.field(), located.problem()));
        }
        throw e;
      }
    }
  }

  /**
   * mr-parallel whose byte-level word count takes every line for ASCII: the UTF-8 bytes of
   * "café" are cut as if each were a character, the classic tokenizer that never met a non-ASCII
   * letter.
   */
  static final class ScansUtf8AsAscii extends ParallelMapReduce {
    ScansUtf8AsAscii() {
      super(2, 4 << 10, Path.of(System.getProperty("java.io.tmpdir")), 3);
    }

    @Override public EngineInfo info() { return broken("broken-scans-utf8-as-ascii", "cuts words from UTF-8 bytes as if they were ASCII"); }

    @Override WordScan wordScan(SortBuffer buffer, int partitions) {
      return new WordScan(buffer, partitions, sortBufferBytes()) {
        @Override boolean isAscii(byte[] b, int from, int to) {
          return true;
        }
      };
    }
  }
}
