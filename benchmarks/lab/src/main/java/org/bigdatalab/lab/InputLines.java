package org.bigdatalab.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.InputFormatException;

/**
 * Reads the user's files line by line with their numbers and parses each line with the job's own
 * parser, before a plan or a stream sees them (those see lines without their place in a file). The
 * first bad line is refused as {@code file:line: field: problem}; with {@code skipBad} bad lines are
 * counted and passed over instead.
 */
final class InputLines {
  private InputLines() {}

  /** Hands every good line to {@code good}, in order; returns how many bad lines were skipped. */
  static long check(List<Path> inputs, Function<String, ?> parse, boolean skipBad, Consumer<String> good) throws IOException {
    long bad = 0;
    for (Path file : inputs) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        long number = 0;
        for (String line; (line = in.readLine()) != null; ) {
          number++;
          try {
            parse.apply(line);
          } catch (BadRecordException e) {
            if (!skipBad) {
              throw InputFormatException.at(file.toString(), number, e);
            }
            bad++;
            continue;
          }
          good.accept(line);
        }
      }
    }
    return bad;
  }
}
