package org.bigdatalab.mapreduce.hadoop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.bigdatalab.mapreduce.Collector;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.TaskContext;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.InputFormatException;

/**
 * Runs the job's map function in a Hadoop map task: one call per line of TextInputFormat (byte
 * offset, line without its {@code \n} or {@code \r\n}), output encoded with the job's map output codecs.
 *
 * <p>A {@link BadRecordException} from the map function is counted in Hadoop's own
 * {@code MAP_SKIPPED_RECORDS} when the job skips bad records; otherwise the task fails with an
 * {@link IOException} whose message is the located {@code file:line: field: problem} (the line
 * number is counted through the file system, only on this error path).
 */
public final class SpecMapper<KM, VM> extends Mapper<LongWritable, Text, BytesWritable, BytesWritable> {
  private MapReduceJob<KM, VM, ?, ?> job;
  private Path file;
  private Configuration conf;
  private Collector<KM, VM> collector;

  @Override
  protected void setup(Context context) {
    conf = context.getConfiguration();
    job = JobTransport.get(conf);
    InputSplit split = context.getInputSplit();
    file = split instanceof FileSplit fileSplit ? fileSplit.getPath() : null;
    TaskContext task = HadoopTaskContext.of(context.getTaskAttemptID(), file == null ? "" : file.getName());
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
          throw new EmitFailure(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new EmitFailure(e);
        }
      }

      @Override
      public TaskContext task() {
        return task;
      }
    };
  }

  @Override
  protected void map(LongWritable offset, Text line, Context context) throws IOException, InterruptedException {
    try {
      job.mapper().map(offset.get(), text(line), collector);
    } catch (BadRecordException bad) {
      if (!job.skipBadRecords()) {
        InputFormatException located = InputFormatException.at(displayName(file), lineNumberAt(offset.get()), bad);
        throw new IOException(located.getMessage(), located);
      }
      context.getCounter(TaskCounter.MAP_SKIPPED_RECORDS).increment(1);
    } catch (EmitFailure e) {
      e.rethrow();
    } catch (IOException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("map function of " + job.name() + " failed: " + e, e);
    }
  }

  /**
   * The line as the SPI defines it: the job reads records up to {@code '\n'} only
   * ({@code textinputformat.record.delimiter}), and a {@code '\r'} before it is dropped here. Hadoop's
   * default reader would also end a line at a lone {@code '\r'}, which no other engine does.
   */
  private static String text(Text line) {
    int length = line.getLength();
    byte[] bytes = line.getBytes();
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
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

  /** The 1-based number of the line at {@code offset}: one more than the line breaks before it. */
  private long lineNumberAt(long offset) throws IOException {
    long line = 1;
    byte[] buffer = new byte[64 * 1024];
    StoreHandles.Input store = StoreHandles.of(conf);
    try (InputStream in = store != null ? DfsInputFormat.open(store, file, 0) : file.getFileSystem(conf).open(file)) {
      long left = offset;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            line++;
          }
        }
        left -= n;
      }
    }
    return line;
  }

  /** A local file as its plain path (as the reference engines name it), anything else as its URI. */
  static String displayName(Path path) {
    if (path == null) {
      return "<unknown input>";
    }
    return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
  }

  /** Carries a checked exception of {@code context.write} through the user's map function. */
  static final class EmitFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EmitFailure(Exception cause) {
      super(cause);
    }

    void rethrow() throws IOException, InterruptedException {
      if (getCause() instanceof IOException io) {
        throw io;
      }
      throw (InterruptedException) getCause();
    }
  }
}
