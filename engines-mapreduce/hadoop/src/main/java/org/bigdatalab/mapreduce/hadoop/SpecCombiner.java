package org.bigdatalab.mapreduce.hadoop;

import java.io.IOException;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.mapreduce.Reducer;
import org.bigdatalab.mapreduce.Collector;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.TaskContext;

/**
 * Runs the job's combiner wherever Hadoop chooses to: on each map-side spill, when merging three or
 * more spills, and in reduce-side merges; that is zero, one or many times per record, which is
 * exactly what {@code mapreduce.combiner.transparent} demands be harmless. Groups follow the sort
 * comparator (Hadoop's default combiner grouping). A combiner is not tied to one input file, so its
 * {@link TaskContext#inputFile()} is empty.
 */
public final class SpecCombiner<KM, VM> extends Reducer<BytesWritable, BytesWritable, BytesWritable, BytesWritable> {
  private MapReduceJob<KM, VM, ?, ?> job;
  private Collector<KM, VM> collector;

  @Override
  protected void setup(Context context) {
    job = JobTransport.get(context.getConfiguration());
    if (job.combiner() == null) {
      throw new IllegalStateException("job " + job.name() + " has no combiner, yet Hadoop runs one");
    }
    TaskContext task = HadoopTaskContext.of(context.getTaskAttemptID(), "");
    BytesWritable key = new BytesWritable();
    BytesWritable value = new BytesWritable();
    DataOutputBuffer buffer = new DataOutputBuffer();
    collector = new Collector<>() {
      @Override
      public void emit(KM k, VM v) {
        try {
          Encoded.write(job.mapKeyCodec(), k, buffer, key);
          Encoded.write(job.mapValueCodec(), v, buffer, value);
          context.write(key, value);
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
      job.combiner().reduce(first, new DecodedValues<>(values, job.mapValueCodec()), collector);
    } catch (SpecMapper.EmitFailure e) {
      e.rethrow();
    } catch (IOException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("combiner of " + job.name() + " failed: " + e, e);
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
