package org.bigdatalab.mapreduce.hadoop;

import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.bigdatalab.mapreduce.Reducer;

/**
 * Runs the job's reduce function in a Hadoop reduce task: one call per group of the grouping
 * comparator, with the group's first key and its values in sort order. Output records become
 * {@code Text} pairs holding the output codecs' text forms, so TextOutputFormat writes exactly the
 * SPI's {@code key<TAB>value} lines.
 */
public final class SpecReducer<KM, VM, KO, VO> extends SpecReduceTask<KM, VM, KO, VO, Text, Text> {
  private final Text key = new Text();
  private final Text value = new Text();

  @Override
  protected Reducer<KM, VM, KO, VO> function() {
    return job.reducer();
  }

  @Override
  protected void write(KO k, VO v, Context context) throws IOException, InterruptedException {
    key.set(job.outputKeyCodec().toText(k));
    value.set(job.outputValueCodec().toText(v));
    context.write(key, value);
  }

  @Override
  protected String what() {
    return "reduce function";
  }
}
