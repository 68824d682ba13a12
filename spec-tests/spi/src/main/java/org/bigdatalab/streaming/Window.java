package org.bigdatalab.streaming;

/**
 * An event-time window {@code [start, end)}: an event with timestamp {@code t} is in it when
 * {@code start <= t < end}. A session's end is its last event's timestamp plus the gap.
 */
public record Window(long start, long end) implements Comparable<Window> {

  public Window {
    if (end <= start) {
      throw new IllegalArgumentException("window [" + start + ", " + end + ") is empty");
    }
  }

  public boolean contains(long timestamp) { return start <= timestamp && timestamp < end; }

  /**
   * Whether the two windows overlap or touch; sessions that do merge (as Flink's
   * {@code TimeWindow.intersects}: events exactly one gap apart are one session).
   */
  public boolean touches(Window other) { return start <= other.end && other.start <= end; }

  public Window cover(Window other) { return new Window(Math.min(start, other.start), Math.max(end, other.end)); }

  @Override
  public int compareTo(Window o) {
    return start != o.start ? Long.compare(start, o.start) : Long.compare(end, o.end);
  }

  @Override
  public String toString() { return "[" + start + "," + end + ")"; }
}
