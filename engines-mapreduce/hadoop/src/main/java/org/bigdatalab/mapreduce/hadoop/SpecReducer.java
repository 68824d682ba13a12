package org.bigdatalab.mapreduce.hadoop;

import java.io.IOException;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.bigdatalab.mapreduce.Collector;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.TaskContext;

/**
 * Runs the job's reduce function in a Hadoop reduce task: one call per group of the grouping
 * comparator, with the group's first key and its values in sort order. Output records become
 * {@code Text} pairs holding the output codecs' text forms, so TextOutputFormat writes exactly the
 * SPI's {@code key<TAB>value} lines.
 */
public final class SpecReducer<KM, VM, KO, VO> extends Reducer<BytesWritable, BytesWritable, Text, Text> {
  private MapReduceJob<KM, VM, KO, VO> job;
  private Collector<KO, VO> collector;

  @Override
  protected void setup(Context context) {
    job = JobTransport.get(context.getConfiguration());
    TaskContext task = HadoopTaskContext.of(context.getTaskAttemptID(), "");
    Text key = new Text();
    Text value = new Text();
    collector = new Collector<>() {
      @Override
      public void emit(KO k, VO v) {
        key.set(job.outputKeyCodec().toText(k));
        value.set(job.outputValueCodec().toText(v));
        try {
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
      job.reducer().reduce(first, new DecodedValues<>(values, job.mapValueCodec()), collector);
    } catch (SpecMapper.EmitFailure e) {
      e.rethrow();
    } catch (IOException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("reduce function of " + job.name() + " failed: " + e, e);
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
