package org.bigdatalab.lambda;

import java.io.Serializable;

/**
 * One value of a view: a key's tumbling window, named by its start. Serializable because a batch
 * layer on a distributed engine ships the keys between tasks and back to the driver.
 */
public record ViewKey(String key, long windowStart) implements Comparable<ViewKey>, Serializable {
  private static final long serialVersionUID = 1L;

  @Override
  public int compareTo(ViewKey o) {
    int c = key.compareTo(o.key);
    return c != 0 ? c : Long.compare(windowStart, o.windowStart);
  }

  @Override
  public String toString() { return key + "@" + windowStart; }
}
