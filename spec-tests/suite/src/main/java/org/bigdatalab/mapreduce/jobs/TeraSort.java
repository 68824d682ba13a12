package org.bigdatalab.mapreduce.jobs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bigdatalab.mapreduce.IdentityReducer;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.Partitioner;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.Codecs;

/**
 * TeraSort: sorts 100-byte records (10-byte key, 90-byte value incl. the line break) into a total
 * order across all partitions. Hash partitioning would sort only within each partition; instead a
 * driver samples keys before the job and cuts the key space at the sample's quantiles, so each
 * reducer gets a contiguous, roughly equal key range (the partitions are even because the sample
 * follows the data's distribution, whatever it is).
 */
public final class TeraSort {
  public static final int KEY_LENGTH = 10;

  private TeraSort() {}

  /** A job whose partitioner cuts at {@code cuts} (sorted, {@code reducers - 1} of them). */
  public static MapReduceJob<String, String, String, String> job(String[] cuts) {
    String[] sorted = cuts.clone();
    Arrays.sort(sorted);
    Partitioner<String> totalOrder = (key, n) -> {
      int i = Arrays.binarySearch(sorted, key);
      return i >= 0 ? i + 1 : -i - 1;
    };
    return MapReduceJob.<String, String, String, String>builder("terasort")
        .mapper((offset, line, out) -> {
          if (line.length() < KEY_LENGTH) {
            throw new BadRecordException("key", "record shorter than " + KEY_LENGTH + " characters");
          }
          out.emit(line.substring(0, KEY_LENGTH), line.substring(KEY_LENGTH));
        })
        .reducer(new IdentityReducer<>())
        .partitioner(totalOrder)
        .numReducers(sorted.length + 1)
        .mapOutput(Codecs.STRING, Codecs.STRING)
        .output(Codecs.STRING, Codecs.STRING)
        .build();
  }

  /** Samples {@code perFile} keys spread evenly over each file and returns {@code reducers - 1} cut points. */
  public static String[] sampleCuts(List<Path> inputs, int reducers, int perFile) throws IOException {
    List<String> keys = new ArrayList<>();
    for (Path input : inputs) {
      try (RandomAccessFile file = new RandomAccessFile(input.toFile(), "r")) {
        long length = file.length();
        for (int i = 0; i < perFile && length > 0; i++) {
          long position = length * i / perFile;
          file.seek(position);
          if (position > 0) {
            file.readLine(); // skip to the start of the next whole record
          }
          String line = file.readLine();
          if (line != null && line.length() >= KEY_LENGTH) {
            keys.add(new String(line.substring(0, KEY_LENGTH).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
          }
        }
      }
    }
    keys.sort(null);
    String[] cuts = new String[Math.max(0, reducers - 1)];
    for (int i = 1; i < reducers; i++) {
      cuts[i - 1] = keys.isEmpty() ? "" : keys.get((int) ((long) keys.size() * i / reducers));
    }
    return cuts;
  }
}
