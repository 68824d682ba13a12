package org.bigdatalab.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded, replayable input whose time is scripted: raw event lines, batches of already-parsed
 * events, explicit watermark advances, and idle stretches of processing time. Tests never wait for the wall clock; they say
 * what time it is (Beam's {@code TestStream.advanceWatermarkTo}). Being replayable from any step,
 * it is what a restored job rewinds, like a Kafka topic read from a committed offset.
 */
public record ScriptedSource(List<Step> steps) {

  public ScriptedSource {
    steps = List.copyOf(steps);
  }

  /** One step of the script. */
  public sealed interface Step {}

  /** An input line, parsed by the job. */
  public record Line(String text) implements Step {
    @Override public String toString() { return text; }
  }

  /**
   * A batch of already-typed events, as a topic read with a binary (Avro, Kryo) deserializer hands
   * them over: the job's parser is skipped. Assumptions and guarantees:
   * <ol>
   *   <li>The step is exactly the lines {@code format} writes, one per event, in order: a job must
   *       give the same results (outputs, window results, late events, watermarks) as over those
   *       lines, each parsed by its parser. Example: {@code Events([ann@1, ann@12])} is
   *       {@code Line("1,ann,1"), Line("12,ann,1")}.</li>
   *   <li>Each event is of the job's event type; {@code format} writes the line the job's parser
   *       reads back as an equal event. No event of the batch can be a dead letter.</li>
   *   <li>The batch is one source step: checkpoints and crashes fall between steps, never inside a
   *       batch (a restore re-reads the whole batch, as a consumer re-polls from its offset).</li>
   *   <li>Each event's time is the job's timestamp of it; the watermark rises after each event,
   *       exactly as it would after each of the lines.</li>
   *   <li>{@code columns} (often none): whole-number fields of the events by name, as a columnar
   *       deserializer fills them; column {@code f} has one value per event, and its {@code i}-th is
   *       what any function declaring field {@code f} ({@link StreamFns.Field}) gives for event
   *       {@code i}. An engine may read a column instead of calling the function; engines without
   *       such a path ignore them. The arrays are read-only once handed over.</li>
   * </ol>
   * Engines without a typed path take {@link #line} of each event, with this step's index.
   */
  public record Events<T>(List<T> events, StreamFns.Format<T> format, Map<String, long[]> columns) implements Step {
    public Events {
      events = List.copyOf(events);
      Objects.requireNonNull(format, "format");
      columns = Map.copyOf(columns);
      for (Map.Entry<String, long[]> c : columns.entrySet()) {
        if (c.getValue().length != events.size()) {
          throw new IllegalArgumentException("column " + c.getKey() + " has " + c.getValue().length
              + " values for " + events.size() + " events");
        }
      }
    }

    /** A batch without columns. */
    public Events(List<T> events, StreamFns.Format<T> format) {
      this(events, format, Map.of());
    }

    public int size() { return events.size(); }

    /** The column of field {@code field}, or null if the source filled none. */
    public long[] column(String field) { return columns.get(field); }

    /** The line the {@code i}-th event stands for. */
    public String line(int i) { return format.line(events.get(i)); }

    @Override public String toString() { return "events" + events; }
  }

  /** The source declares that no event older than {@code time} will follow. */
  public record Watermark(long time) implements Step {
    @Override public String toString() { return "W" + time; }
  }

  /** Processing time passes with no input: an event-time engine must not care. */
  public record Idle(long millis) implements Step {
    @Override public String toString() { return "idle" + millis + "ms"; }
  }

  public static ScriptedSource ofLines(List<String> lines) {
    List<Step> steps = new ArrayList<>();
    lines.forEach(l -> steps.add(new Line(l)));
    return new ScriptedSource(steps);
  }

  /** One step holding all the events, typed. */
  public static <T> ScriptedSource ofEvents(List<T> events, StreamFns.Format<T> format) {
    return new ScriptedSource(List.of(new Events<>(events, format)));
  }

  /** Steps (watermark, idle and line steps count one each, a batch of events its size): the unit parallel engines split by. */
  public long records() {
    long n = 0;
    for (Step s : steps) {
      n += s instanceof Events<?> e ? e.size() : 1;
    }
    return n;
  }

  public int size() { return steps.size(); }

  @Override
  public String toString() { return steps.toString(); }
}
