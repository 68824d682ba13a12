package org.bigdatalab.mapreduce.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.spi.Codecs;

/**
 * Checks a TeraSort output as Hadoop's TeraValidate does: keys ordered within each partition and
 * across consecutive partitions, and the sum of all records' CRC32s equal to the input's (so no
 * record was lost, duplicated or changed).
 */
public final class TeraValidate {
  private TeraValidate() {}

  /**
   * What the validation found. {@code problems} is empty for a valid output; it names records out
   * of order and, when validated against the input, a record count or checksum that differs.
   */
  public record Report(long records, long checksum, List<String> problems) {
    public boolean valid() { return problems.isEmpty(); }
  }

  /** Order and completeness: the output must hold exactly the input's records (same count and checksum). */
  public static Report validate(Path outputDir, List<Path> inputs) throws IOException {
    Report order = validate(outputDir);
    long expectedSum = inputChecksum(inputs);
    long expectedRecords = 0;
    for (Path p : inputs) {
      try (java.util.stream.Stream<String> lines = Files.lines(p, StandardCharsets.UTF_8)) {
        expectedRecords += lines.count();
      }
    }
    java.util.List<String> problems = new java.util.ArrayList<>(order.problems());
    if (order.records() != expectedRecords) {
      problems.add("output has " + order.records() + " records, input " + expectedRecords);
    }
    if (order.checksum() != expectedSum) {
      problems.add("checksum of the output differs from the input's: records were lost, duplicated or changed");
    }
    return new Report(order.records(), order.checksum(), problems);
  }

  /** Checksum of input records (each line without its line break). */
  public static long inputChecksum(List<Path> inputs) throws IOException {
    long sum = 0;
    for (Path p : inputs) {
      try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          sum += crc(line);
        }
      }
    }
    return sum;
  }

  /** Order only: keys sorted within and across partitions. */
  public static Report validate(Path outputDir) throws IOException {
    java.util.List<String> problems = new java.util.ArrayList<>();
    long records = 0;
    long sum = 0;
    String last = null;
    String lastWhere = null;
    for (Path part : JobOutput.partFiles(outputDir)) {
      try (BufferedReader r = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
        String line;
        long number = 0;
        while ((line = r.readLine()) != null) {
          number++;
          int tab = line.indexOf('\t');
          // Output fields are escaped text (Codecs.STRING): unescape to get the record's own bytes.
          String key = Codecs.STRING.fromText(tab < 0 ? line : line.substring(0, tab));
          String record = tab < 0 ? key : key + Codecs.STRING.fromText(line.substring(tab + 1));
          if (last != null && key.compareTo(last) < 0 && problems.size() < 10) {
            problems.add(part.getFileName() + ":" + number + ": key " + key + " sorts before " + last + " at " + lastWhere);
          }
          last = key;
          lastWhere = part.getFileName() + ":" + number;
          sum += crc(record);
          records++;
        }
      }
    }
    return new Report(records, sum, problems);
  }

  private static long crc(String record) {
    CRC32 crc = new CRC32();
    crc.update(record.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
