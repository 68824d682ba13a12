package org.bigdatalab.workloads;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import org.bigdatalab.spi.BadRecordException;

/**
 * Reads {@code key,timestamp,value} lines (as {@link TimestampedEventGenerator} writes them) into
 * {@link CsvEvent}s. No header, no quoting: the key is up to the first comma and must not be
 * empty, the timestamp (epoch millis) up to the second, and the value is the rest; both numbers
 * are decimal {@code long}s. A fourth column shows up as a bad value ({@code "5,extra"}).
 *
 * <pre>{@code
 * try (var reader = new EventCsvReader(Path.of("events.csv"), BadLinePolicy.FAIL)) {
 *   reader.forEachRemaining(engine::send);   // throws "events.csv:17: timestamp: not a number: \"12x\""
 * }
 * }</pre>
 */
public final class EventCsvReader extends LineRecordReader<CsvEvent> {
  private static final String EXPECTED = " (expected key,timestamp,value)";

  public EventCsvReader(Path file, BadLinePolicy policy) throws IOException {
    super(file, policy);
  }

  public EventCsvReader(Reader in, String fileName, BadLinePolicy policy) {
    super(in, fileName, policy);
  }

  @Override
  protected CsvEvent parse(String line) {
    return parseLine(line);
  }

  /** Parses one line, or throws {@link BadRecordException} naming the field at fault. */
  public static CsvEvent parseLine(String line) {
    String[] f = line.split(",", 3);
    if (f[0].isEmpty()) {
      throw new BadRecordException("key", "empty");
    }
    if (f.length < 2) {
      throw new BadRecordException("timestamp", "missing" + EXPECTED);
    }
    long timestamp = Fields.parseLong("timestamp", f[1]);
    if (f.length < 3) {
      throw new BadRecordException("value", "missing" + EXPECTED);
    }
    return new CsvEvent(f[0], timestamp, Fields.parseLong("value", f[2]));
  }
}
