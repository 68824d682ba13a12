package org.bigdatalab.lambda;

/** One value of a view: a key's tumbling window, named by its start. */
public record ViewKey(String key, long windowStart) implements Comparable<ViewKey> {

  @Override
  public int compareTo(ViewKey o) {
    int c = key.compareTo(o.key);
    return c != 0 ? c : Long.compare(windowStart, o.windowStart);
  }

  @Override
  public String toString() { return key + "@" + windowStart; }
}
