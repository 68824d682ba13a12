package org.bigdatalab.streaming.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamFns;

/**
 * A source of lines turned into its typed form ({@link ScriptedSource.Events}): each run of lines
 * the parser accepts becomes batches of their events, cut at the generated sizes; every other step
 * (a bad line, a watermark, idle time) stays as it is, between the batches. By the SPI's promise
 * the two forms are the same input, so a job must give the same results over both.
 */
final class TypedSources {
  private TypedSources() {}

  /** @param sizes batch sizes, used in turn (each at least 1) */
  static <T> ScriptedSource typed(ScriptedSource lines, StreamFns.Parser<T> parser, StreamFns.Format<T> format,
      List<Integer> sizes) {
    return typed(lines, parser, format, sizes, Map.of());
  }

  /**
   * As {@link #typed(ScriptedSource, StreamFns.Parser, StreamFns.Format, List)}, each batch also
   * carrying a column per entry of {@code columns}: that field of each of its events, as a columnar
   * deserializer fills them ({@link ScriptedSource.Events#columns}).
   */
  static <T> ScriptedSource typed(ScriptedSource lines, StreamFns.Parser<T> parser, StreamFns.Format<T> format,
      List<Integer> sizes, Map<String, StreamFns.ToLong<T>> columns) {
    List<ScriptedSource.Step> steps = new ArrayList<>();
    List<T> batch = new ArrayList<>();
    int next = 0;
    for (ScriptedSource.Step step : lines.steps()) {
      T event = step instanceof ScriptedSource.Line line ? parsed(parser, line.text()) : null;
      if (event == null) {
        flush(steps, batch, format, columns);
        steps.add(step);
        continue;
      }
      batch.add(event);
      if (batch.size() >= Math.max(1, sizes.get(next % sizes.size()))) {
        flush(steps, batch, format, columns);
        next++;
      }
    }
    flush(steps, batch, format, columns);
    return new ScriptedSource(steps);
  }

  private static <T> T parsed(StreamFns.Parser<T> parser, String line) {
    try {
      return parser.parse(line);
    } catch (BadRecordException e) {
      return null;
    }
  }

  private static <T> void flush(List<ScriptedSource.Step> steps, List<T> batch, StreamFns.Format<T> format,
      Map<String, StreamFns.ToLong<T>> columns) {
    if (!batch.isEmpty()) {
      Map<String, long[]> filled = new java.util.HashMap<>();
      columns.forEach((field, read) -> filled.put(field, batch.stream().mapToLong(read::applyAsLong).toArray()));
      steps.add(new ScriptedSource.Events<>(batch, format, filled));
      batch.clear();
    }
  }
}
