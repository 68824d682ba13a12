package org.bigdatalab.mapreduce.hadoop;

import java.io.IOException;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.mapreduce.Reducer;
import org.bigdatalab.mapreduce.Collector;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.TaskContext;

/**
 * What the combiner and reducer tasks share: read the job back from the configuration, call one of
 * its reduce-shaped functions per Hadoop group with decoded keys and values, hand what it emits to
 * {@link #write}, and record a failure where the client can find it ({@link TaskFailures}).
 */
abstract class SpecReduceTask<KM, VM, KO, VO, WK, WV> extends Reducer<BytesWritable, BytesWritable, WK, WV> {
  protected MapReduceJob<KM, VM, KO, VO> job;
  private Collector<KO, VO> collector;

  /** The function this task runs: the job's combiner or its reducer. */
  protected abstract org.bigdatalab.mapreduce.Reducer<KM, VM, KO, VO> function();

  /** How this task's output leaves it: encoded for the shuffle, or as text for the output files. */
  protected abstract void write(KO key, VO value, Context context) throws IOException, InterruptedException;

  /** For messages: "combiner" or "reduce function". */
  protected abstract String what();

  @Override
  protected void setup(Context context) {
    job = JobTransport.get(context.getConfiguration());
    TaskContext task = HadoopTaskContext.of(context.getTaskAttemptID(), "");
    collector = new Collector<>() {
      @Override
      public void emit(KO k, VO v) {
        try {
          write(k, v, context);
        } catch (IOException e) {
          throw new SpecMapper.EmitFailure(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SpecMapper.EmitFailure(e);
        }
      }

      @Override
      public TaskContext task() {
        return task;
      }
    };
  }

  @Override
  protected void reduce(BytesWritable key, Iterable<BytesWritable> values, Context context)
      throws IOException, InterruptedException {
    KM first = Encoded.read(job.mapKeyCodec(), key);
    try {
      function().reduce(first, new DecodedValues<>(values, job.mapValueCodec()), collector);
    } catch (SpecMapper.EmitFailure e) {
      e.rethrow();
    } catch (IOException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(what() + " of " + job.name() + " failed: " + e, e);
    }
  }

  @Override
  public void run(Context context) throws IOException, InterruptedException {
    try {
      super.run(context);
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      TaskFailures.record(context.getConfiguration(), context.getTaskAttemptID(), e);
      throw e;
    }
  }
}
