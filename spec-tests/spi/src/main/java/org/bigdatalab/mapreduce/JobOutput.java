package org.bigdatalab.mapreduce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.Codec;
import org.bigdatalab.spi.InputFormatException;
import org.bigdatalab.spi.KeyValue;

/** The committed output layout every engine writes, and a reader for it. */
public final class JobOutput {
  public static final String SUCCESS_MARKER = "_SUCCESS";
  private static final String PART_PREFIX = "part-r-";

  private JobOutput() {}

  public static String partName(int partition) {
    return String.format("%s%05d", PART_PREFIX, partition);
  }

  /** One output line: {@code key<TAB>value}. */
  public static <K, V> String line(Codec<K> keys, Codec<V> values, K key, V value) {
    return keys.toText(key) + '\t' + values.toText(value);
  }

  /** The part files of a directory, in partition order. */
  public static List<Path> partFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(PART_PREFIX)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads every partition back, in file order. */
  public static <K, V> List<List<KeyValue<K, V>>> read(Path dir, Codec<K> keys, Codec<V> values) {
    List<List<KeyValue<K, V>>> partitions = new ArrayList<>();
    for (Path part : partFiles(dir)) {
      partitions.add(readPart(part, keys, values));
    }
    return partitions;
  }

  public static <K, V> List<List<KeyValue<K, V>>> read(Path dir, MapReduceJob<?, ?, K, V> job) {
    return read(dir, job.outputKeyCodec(), job.outputValueCodec());
  }

  private static <K, V> List<KeyValue<K, V>> readPart(Path part, Codec<K> keys, Codec<V> values) {
    List<KeyValue<K, V>> records = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        int tab = line.indexOf('\t');
        if (tab < 0) {
          throw new InputFormatException(part.toString(), number, "record", "no tab between key and value");
        }
        try {
          records.add(KeyValue.of(keys.fromText(line.substring(0, tab)), values.fromText(line.substring(tab + 1))));
        } catch (BadRecordException e) {
          throw InputFormatException.at(part.toString(), number, e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }
}
