package org.bigdatalab.streaming;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded, replayable input whose time is scripted: raw event lines, explicit watermark
 * advances, and idle stretches of processing time. Tests never wait for the wall clock; they say
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

  public int size() { return steps.size(); }

  @Override
  public String toString() { return steps.toString(); }
}
