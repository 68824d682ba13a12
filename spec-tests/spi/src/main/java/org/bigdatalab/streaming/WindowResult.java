package org.bigdatalab.streaming;

/**
 * One emitted result: the aggregate of a key's window, how it was fired, and the watermark that
 * fired it (the check that windows fire on the watermark reads it).
 */
public record WindowResult<R>(String key, Window window, R value, Firing firing, long watermark) {

  /** On time (watermark reached the end), late (an update within the allowed lateness), or final. */
  public enum Firing { ON_TIME, LATE, FINAL }

  /** The key and window, which identify a result. */
  public record Id(String key, Window window) implements Comparable<Id> {
    @Override
    public int compareTo(Id o) {
      int c = key.compareTo(o.key);
      return c != 0 ? c : window.compareTo(o.window);
    }

    @Override public String toString() { return key + "@" + window; }
  }

  public Id id() { return new Id(key, window); }
}
