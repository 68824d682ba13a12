package org.bigdatalab.workloads;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import org.bigdatalab.spi.BadRecordException;

/**
 * Reads {@code key<TAB>value} lines (as {@link SkewedPairsGenerator} writes them) into
 * {@link KeyValue}s. The key is everything before the first tab and must not be empty; the value
 * is everything after it and must be a decimal {@code long}.
 *
 * <pre>{@code
 * try (var reader = new KeyValueLineReader(Path.of("pairs.tsv"), BadLinePolicy.SKIP)) {
 *   long sum = reader.stream().mapToLong(KeyValue::value).sum();
 *   reader.badLines().forEach(bad -> System.err.println(bad.message()));
 * }
 * }</pre>
 */
public final class KeyValueLineReader extends LineRecordReader<KeyValue> {

  public KeyValueLineReader(Path file, BadLinePolicy policy) throws IOException {
    super(file, policy);
  }

  public KeyValueLineReader(Reader in, String fileName, BadLinePolicy policy) {
    super(in, fileName, policy);
  }

  @Override
  protected KeyValue parse(String line) {
    return parseLine(line);
  }

  /** Parses one line, or throws {@link BadRecordException} naming the field at fault. */
  public static KeyValue parseLine(String line) {
    int tab = line.indexOf('\t');
    String key = tab < 0 ? line : line.substring(0, tab);
    if (key.isEmpty()) {
      throw new BadRecordException("key", "empty");
    }
    if (tab < 0) {
      throw new BadRecordException("value", "missing (expected key<TAB>value)");
    }
    return new KeyValue(key, Fields.parseLong("value", line.substring(tab + 1)));
  }
}
