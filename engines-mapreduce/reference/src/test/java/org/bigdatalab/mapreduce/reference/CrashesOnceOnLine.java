package org.bigdatalab.mapreduce.reference;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * mr-parallel on one thread whose byte-level word scan throws the first time it meets a line equal
 * to {@code line}, and never again: one map attempt fails part-way through its split, and its retry
 * runs clean. For the pinned examples of what a failed attempt must leave behind.
 */
final class CrashesOnceOnLine extends ParallelMapReduce {
  private final String line;
  private final String why;
  private final AtomicBoolean crashed = new AtomicBoolean();

  CrashesOnceOnLine(long sortBufferBytes, Path spillDir, String line, String why) {
    super(1, sortBufferBytes, spillDir, 3);
    this.line = line;
    this.why = why;
  }

  @Override WordScan wordScan(SortBuffer buffer, int partitions) {
    return new WordScan(buffer, partitions, sortBufferBytes()) {
      @Override int scan(byte[] bytes, int from, int length) {
        if (new String(bytes, from, length, StandardCharsets.US_ASCII).equals(line) && crashed.compareAndSet(false, true)) {
          throw new IllegalStateException(why);
        }
        return super.scan(bytes, from, length);
      }
    };
  }
}
