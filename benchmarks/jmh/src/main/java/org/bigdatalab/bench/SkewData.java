package org.bigdatalab.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.workloads.SkewedPairsGenerator;

/**
 * B05's input: {@code n} (key, value) records from {@link SkewedPairsGenerator} (100 000 keys,
 * seed {@link BenchData#SEED}), kept as primitive arrays: key k000042 is the int 42. Generated once
 * per size and exponent and cached under {@link BenchData#dir()} (12 bytes a record), so the forks
 * of one run do not each generate 50 M records. Also where a fork leaves the largest task's share
 * for the runner to read (a JMH score carries only the time).
 */
final class SkewData {
  static final int KEY_SPACE = 100_000;

  final int keySpace;
  final int[] keys;
  final long[] values;
  private long[] expected;

  private SkewData(int keySpace, int[] keys, long[] values) {
    this.keySpace = keySpace;
    this.keys = keys;
    this.values = values;
  }

  /** Records of a size label: {@code 1M} = 1 000 000, {@code 10M}, {@code 50M}, {@code 250K}, or a plain number. */
  static int records(String label) {
    String s = label.trim().toUpperCase(Locale.ROOT);
    long factor = s.endsWith("M") ? 1_000_000 : s.endsWith("K") ? 1_000 : 1;
    String digits = factor == 1 ? s : s.substring(0, s.length() - 1);
    return Math.toIntExact(Long.parseLong(digits) * factor);
  }

  static synchronized SkewData of(int n, double exponent) {
    Path file = BenchData.dir().resolve(String.format(Locale.ROOT, "skew-k%d-e%s-seed%d-%d.bin", KEY_SPACE, exponent, BenchData.SEED, n));
    try {
      if (Files.isRegularFile(file) && Files.size(file) == 12L * n) {
        int[] keys = new int[n];
        long[] values = new long[n];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
          for (int i = 0; i < n; i++) {
            keys[i] = in.readInt();
          }
          for (int i = 0; i < n; i++) {
            values[i] = in.readLong();
          }
        }
        return new SkewData(KEY_SPACE, keys, values);
      }
      SkewData data = generate(n, exponent);
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
        for (int k : data.keys) {
          out.writeInt(k);
        }
        for (long v : data.values) {
          out.writeLong(v);
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the skew input (" + n + " records, exponent " + exponent + ")", e);
    }
  }

  private static SkewData generate(int n, double exponent) {
    int[] keys = new int[n];
    long[] values = new long[n];
    Iterator<org.bigdatalab.workloads.KeyValue> it = new SkewedPairsGenerator(KEY_SPACE, exponent, BenchData.SEED).pairs().iterator();
    for (int i = 0; i < n; i++) {
      org.bigdatalab.workloads.KeyValue kv = it.next();
      keys[i] = Integer.parseInt(kv.key(), 1, kv.key().length(), 10);
      values[i] = kv.value();
    }
    return new SkewData(KEY_SPACE, keys, values);
  }

  /** The records in {@code p} contiguous slices (copies, each a partition's input, its records boxed now, see {@link SkewSlice}). */
  List<SkewSlice> slices(int p) {
    List<SkewSlice> out = new ArrayList<>(p);
    for (int i = 0; i < p; i++) {
      int from = (int) ((long) i * keys.length / p);
      int to = (int) ((long) (i + 1) * keys.length / p);
      out.add(new SkewSlice(Arrays.copyOfRange(keys, from, to), Arrays.copyOfRange(values, from, to)));
    }
    return out;
  }

  /** Throws unless {@code result} is exactly the hand-written sums (one entry per key present). */
  void check(List<KeyValue<Integer, Long>> result, String who) {
    if (expected == null) {
      expected = B05_SkewedAggregation.sumByHand(keys, values, keySpace);
    }
    boolean[] seen = new boolean[keySpace + 1];
    for (KeyValue<Integer, Long> kv : result) {
      int k = kv.key();
      if (seen[k] || expected[k] != kv.value()) {
        throw new IllegalStateException(who + " summed wrong (skew, " + keys.length + " records, seed " + BenchData.SEED
            + "): key " + k + (seen[k] ? " appears twice" : " expected " + expected[k] + ", got " + kv.value()));
      }
      seen[k] = true;
    }
    int present = 0;
    for (int k = 0; k <= keySpace; k++) {
      if (!seen[k] && expected[k] != 0) {
        throw new IllegalStateException(who + " lost key " + k + " (skew, " + keys.length + " records, seed " + BenchData.SEED + ")");
      }
      present += seen[k] ? 1 : 0;
    }
    if (present != result.size()) {
      throw new IllegalStateException(who + " returned " + result.size() + " sums for " + present + " keys");
    }
  }

  private static Path shareFile(String size, String exponent, String rowEngine) {
    return BenchData.dir().resolve("share-" + size + "-e" + exponent + "-" + rowEngine.replaceAll("[^A-Za-z0-9.+-]", "_") + ".txt");
  }

  /** Where a fork leaves the task times ({@link TaskTimes}) of its last measured action. */
  static Path timesFile(String size, String exponent, String rowEngine) {
    return BenchData.dir().resolve("times-" + size + "-e" + exponent + "-" + rowEngine.replaceAll("[^A-Za-z0-9.+-]", "_") + ".txt");
  }

  /** A fork's report of the largest task's share of its last measured action. */
  static void writeShare(String size, String exponent, String rowEngine, double share) throws IOException {
    Path file = shareFile(size, exponent, rowEngine);
    Files.createDirectories(file.getParent());
    Files.writeString(file, Double.toString(share));
  }

  static Optional<Double> readShare(String size, String exponent, String rowEngine) {
    Path file = shareFile(size, exponent, rowEngine);
    try {
      return Files.isRegularFile(file) ? Optional.of(Double.parseDouble(Files.readString(file).trim())) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static void deleteShare(String size, String exponent, String rowEngine) {
    TaskTimes.delete(timesFile(size, exponent, rowEngine));
    try {
      Files.deleteIfExists(shareFile(size, exponent, rowEngine));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
