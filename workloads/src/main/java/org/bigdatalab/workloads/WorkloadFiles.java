package org.bigdatalab.workloads;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes workloads to files of a chosen size, the way the CLI, benchmarks and guide make their
 * inputs. Files are created or truncated; parent directories are created.
 *
 * <pre>{@code
 * long bytes = WorkloadFiles.write(Path.of("in/corpus.txt"),
 *     new ZipfTextGenerator(50_000, 1.0, 10, 1L), 256L << 20);
 * }</pre>
 */
public final class WorkloadFiles {
  private WorkloadFiles() {}

  /**
   * Writes {@code workload} to {@code file}: whole lines until at least {@code targetBytes} (or
   * the workload ends).
   *
   * @return the number of bytes written
   */
  public static long write(Path file, LineWorkload workload, long targetBytes) throws IOException {
    createParent(file);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      return workload.writeTo(out, targetBytes);
    }
  }

  /**
   * Writes {@code rowCount} TeraSort records with {@code threads} threads, each writing a
   * contiguous range of rows at its own offset; the bytes equal a one-thread
   * {@link TeraRecordGenerator#writeRows}.
   */
  public static void writeTeraParallel(Path file, TeraRecordGenerator tera, long rowCount,
      int threads) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    createParent(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> parts = new ArrayList<>();
        long per = (rowCount + threads - 1) / threads;
        for (long first = 0; first < rowCount; first += per) {
          long from = first;
          long rows = Math.min(per, rowCount - first);
          parts.add(pool.submit(() -> {
            tera.writeRows(positionalStream(channel, from * TeraRecordGenerator.RECORD_BYTES),
                from, rows);
            return null;
          }));
        }
        for (Future<?> part : parts) {
          part.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while writing " + file, e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw cause instanceof IOException io ? io : new IOException(cause);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** An OutputStream writing at increasing positions of a shared channel (thread-safe writes). */
  private static OutputStream positionalStream(FileChannel channel, long start) {
    return new OutputStream() {
      private long position = start;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(b, off, len);
        while (src.hasRemaining()) {
          position += channel.write(src, position);
        }
      }
    };
  }

  private static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
