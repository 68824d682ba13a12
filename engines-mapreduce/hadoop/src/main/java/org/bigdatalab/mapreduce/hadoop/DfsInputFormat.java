package org.bigdatalab.mapreduce.hadoop;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.util.LineReader;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.mapreduce.BlockSplits;
import org.bigdatalab.mapreduce.Split;

/**
 * TextInputFormat over a store Hadoop cannot open itself ({@code dfs-memory}, {@code dfs-local}):
 * splits are the SPI's {@link BlockSplits} (one per block, Hadoop's own rule, with the block's
 * DataNodes as locations), and each task reads its split through the store's {@link DfsInput},
 * with Hadoop's LineReader and LineRecordReader's boundary rule (a split other than a file's
 * first skips through its first line break; every split reads on past its end to finish its last
 * line). The store is found through {@link StoreHandles}, so this runs on LocalJobRunner only.
 */
public final class DfsInputFormat extends InputFormat<LongWritable, Text> {

  @Override
  public List<InputSplit> getSplits(JobContext context) throws IOException {
    StoreHandles.Input input = StoreHandles.of(context.getConfiguration());
    long maxSplit = context.getConfiguration().getLong(FileInputFormat.SPLIT_MAXSIZE, Long.MAX_VALUE);
    List<InputSplit> splits = new ArrayList<>();
    for (Split s : BlockSplits.plan(input.fs(), input.files(), maxSplit)) {
      splits.add(new FileSplit(new Path(s.file()), s.start(), s.length(), s.hosts().toArray(String[]::new)));
    }
    return splits;
  }

  @Override
  public RecordReader<LongWritable, Text> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new Lines();
  }

  /** The bytes of a file in the job's store, as a stream from {@code position}. */
  static InputStream open(StoreHandles.Input input, Path file, long position) throws IOException {
    DfsInput in = input.fs().open(new DfsPath(file.toUri().getPath()));
    in.seek(position);
    return new InputStream() {
      @Override public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : in.read(b, off, len);
      }

      @Override public void close() throws IOException {
        in.close();
      }
    };
  }

  /** LineRecordReader's rule over an SPI stream; lines end at {@code '\n'} (the job's record delimiter). */
  private static final class Lines extends RecordReader<LongWritable, Text> {
    private LineReader reader;
    private long start;
    private long end;
    private long position;
    private final LongWritable key = new LongWritable();
    private final Text value = new Text();

    @Override
    public void initialize(InputSplit genericSplit, TaskAttemptContext context) throws IOException {
      FileSplit split = (FileSplit) genericSplit;
      start = split.getStart();
      end = start + split.getLength();
      InputStream in = open(StoreHandles.of(context.getConfiguration()), split.getPath(), start);
      reader = new LineReader(in, context.getConfiguration(), new byte[] {'\n'});
      if (start != 0) {
        // through the first line break, however far (LineReader stops early once past a hint)
        start += reader.readLine(new Text(), 0, Integer.MAX_VALUE);
      }
      position = start;
    }

    @Override
    public boolean nextKeyValue() throws IOException {
      if (position > end) {
        return false;
      }
      int read = reader.readLine(value, Integer.MAX_VALUE, Integer.MAX_VALUE);
      if (read == 0) {
        return false;
      }
      key.set(position);
      position += read;
      return true;
    }

    @Override public LongWritable getCurrentKey() { return key; }
    @Override public Text getCurrentValue() { return value; }

    @Override public float getProgress() {
      return end == start ? 1f : Math.min(1f, (position - start) / (float) (end - start));
    }

    @Override public void close() throws IOException {
      if (reader != null) {
        reader.close();
      }
    }
  }
}
