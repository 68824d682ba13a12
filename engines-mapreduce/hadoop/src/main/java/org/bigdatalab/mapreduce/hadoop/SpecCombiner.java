package org.bigdatalab.mapreduce.hadoop;

import java.io.IOException;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.DataOutputBuffer;
import org.bigdatalab.mapreduce.Reducer;
import org.bigdatalab.mapreduce.TaskContext;

/**
 * Runs the job's combiner wherever Hadoop chooses to: on each map-side spill, when merging three or
 * more spills, and in reduce-side merges; that is zero, one or many times per record, which is
 * exactly what {@code mapreduce.combiner.transparent} demands be harmless. Groups follow the sort
 * comparator (Hadoop's default combiner grouping). A combiner is not tied to one input file, so its
 * {@link TaskContext#inputFile()} is empty.
 */
public final class SpecCombiner<KM, VM> extends SpecReduceTask<KM, VM, KM, VM, BytesWritable, BytesWritable> {
  private final BytesWritable key = new BytesWritable();
  private final BytesWritable value = new BytesWritable();
  private final DataOutputBuffer buffer = new DataOutputBuffer();

  @Override
  protected void setup(Context context) {
    super.setup(context);
    if (job.combiner() == null) {
      throw new IllegalStateException("job " + job.name() + " has no combiner, yet Hadoop runs one");
    }
  }

  @Override
  protected Reducer<KM, VM, KM, VM> function() {
    return job.combiner();
  }

  @Override
  protected void write(KM k, VM v, Context context) throws IOException, InterruptedException {
    Encoded.write(job.mapKeyCodec(), k, buffer, key);
    Encoded.write(job.mapValueCodec(), v, buffer, value);
    context.write(key, value);
  }

  @Override
  protected String what() {
    return "combiner";
  }
}
