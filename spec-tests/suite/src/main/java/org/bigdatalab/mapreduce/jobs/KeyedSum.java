package org.bigdatalab.mapreduce.jobs;

import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.Codecs;
import org.bigdatalab.spi.KeyValue;

/**
 * Sums amounts per key over CSV lines {@code key,amount}: the shape of most reporting jobs, and the
 * spec's example of strict input parsing. A malformed line names its field ({@code record},
 * {@code key} or {@code amount}); the engine adds file and line.
 */
public final class KeyedSum {
  private KeyedSum() {}

  /**
   * One {@code key,amount} line; a malformed line names its field ({@code record}, {@code key} or
   * {@code amount}). Shared with {@code lab run keyed-sum} on dataflow engines.
   */
  public static KeyValue<String, Long> parse(String line) {
    int comma = line.indexOf(',');
    if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
      throw new BadRecordException("record", "expected key,amount, got \"" + line + "\"");
    }
    String key = line.substring(0, comma).trim();
    if (key.isEmpty()) {
      throw new BadRecordException("key", "empty");
    }
    String amount = line.substring(comma + 1).trim();
    try {
      return KeyValue.of(key, Long.parseLong(amount));
    } catch (NumberFormatException e) {
      throw new BadRecordException("amount", "not a number: \"" + amount + "\"");
    }
  }

  public static MapReduceJob.Builder<String, Long, String, Long> builder() {
    return MapReduceJob.<String, Long, String, Long>builder("keyed-sum")
        .mapper((offset, line, out) -> {
          KeyValue<String, Long> record = parse(line);
          out.emit(record.key(), record.value());
        })
        .combiner(WordCount.SUM)
        .reducer(WordCount.SUM)
        .mapOutput(Codecs.STRING, Codecs.LONG)
        .output(Codecs.STRING, Codecs.LONG);
  }
}
