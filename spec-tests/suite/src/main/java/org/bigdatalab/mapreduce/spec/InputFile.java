package org.bigdatalab.mapreduce.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A generated input file: its name and its whole text. Printed as such when a property shrinks. */
public record InputFile(String name, String content) {

  /** One line of the file as a MapReduce engine must read it. */
  public record Line(long offset, long number, String text) {}

  /**
   * The lines as Hadoop's line reader yields them: separated by {@code '\n'}, a trailing
   * {@code '\r'} removed, no empty record after a final line break, offsets in UTF-8 bytes.
   */
  public List<Line> lines() {
    List<Line> lines = new ArrayList<>();
    long offset = 0;
    long number = 0;
    int start = 0;
    while (start < content.length()) {
      int end = content.indexOf('\n', start);
      int stop = end < 0 ? content.length() : end;
      String raw = content.substring(start, stop);
      String text = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      lines.add(new Line(offset, ++number, text));
      offset += raw.getBytes(StandardCharsets.UTF_8).length + (end < 0 ? 0 : 1);
      start = stop + 1;
    }
    return lines;
  }

  public Path writeTo(Path dir) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return name + "=\"" + content.replace("\n", "\\n").replace("\r", "\\r") + "\"";
  }
}
