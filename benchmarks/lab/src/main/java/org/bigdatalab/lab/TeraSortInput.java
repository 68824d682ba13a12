package org.bigdatalab.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bigdatalab.mapreduce.jobs.TeraSort;
import org.bigdatalab.workloads.TeraRecordGenerator;

/**
 * Checks TeraSort input before the job runs: gensort's ASCII records, each {@value TeraRecordGenerator#RECORD_BYTES}
 * bytes, the last two a CR LF and no line break before them. A job reads lines, so a file of any
 * other shape would be sorted as records it is not (250 random bytes became "2 records") and then
 * fail validation after writing its output. Here the first bad record is named by its byte offset,
 * {@code file:offset: record: problem}, and nothing is written.
 */
final class TeraSortInput {
  private TeraSortInput() {}

  static void check(List<Path> files) throws IOException {
    for (Path file : files) {
      check(file);
    }
  }

  private static void check(Path file) throws IOException {
    int size = TeraRecordGenerator.RECORD_BYTES;
    byte[] record = new byte[size];
    long offset = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.readNBytes(record, 0, size)) > 0) {
        if (n < size) {
          throw bad(file, offset, n + " bytes at the end of the file, not a whole " + size + "-byte record");
        }
        if (record[size - 2] != '\r' || record[size - 1] != '\n') {
          throw bad(file, offset, "does not end in CR LF at byte " + (size - 2) + " (records are " + (size - 2)
              + " bytes and CR LF, as gensort -a writes them)");
        }
        for (int i = 0; i < size - 2; i++) {
          if (record[i] == '\n' || record[i] == '\r') {
            throw bad(file, offset, "a line break at byte " + i + " of the record (" + (i < TeraSort.KEY_LENGTH ? "key" : "value")
                + "); a record is " + (size - 2) + " bytes and CR LF");
          }
        }
        offset += size;
      }
    }
    if (offset == 0) {
      throw new UserError(file + ": empty; TeraSort needs " + size + "-byte records");
    }
  }

  private static UserError bad(Path file, long offset, String problem) {
    return new UserError(file + ":" + offset + ": record: " + problem);
  }
}
