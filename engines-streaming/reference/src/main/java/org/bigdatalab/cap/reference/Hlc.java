package org.bigdatalab.cap.reference;

/**
 * A hybrid logical clock timestamp (Kulkarni et al., 2014): the largest wall-clock time seen, and a
 * counter for events within it. It follows the wall clock when that is ahead, and otherwise the
 * largest timestamp received, so a write made after seeing another always gets a larger one,
 * however far this node's wall clock is behind. Ties between nodes break by node id.
 */
record Hlc(long wall, long counter, int node) implements Comparable<Hlc> {
  static final Hlc ZERO = new Hlc(Long.MIN_VALUE, 0, -1);

  /** The timestamp of a local event at wall-clock time {@code now}, after {@code last}. */
  static Hlc tick(Hlc last, long now, int node) {
    return now > last.wall ? new Hlc(now, 0, node) : new Hlc(last.wall, last.counter + 1, node);
  }

  /** This clock after receiving {@code seen}: never behind it. */
  Hlc merge(Hlc seen) {
    return seen.compareTo(this) > 0 ? new Hlc(seen.wall, seen.counter, node) : this;
  }

  @Override
  public int compareTo(Hlc o) {
    if (wall != o.wall) {
      return Long.compare(wall, o.wall);
    }
    if (counter != o.counter) {
      return Long.compare(counter, o.counter);
    }
    return Integer.compare(node, o.node);
  }
}
