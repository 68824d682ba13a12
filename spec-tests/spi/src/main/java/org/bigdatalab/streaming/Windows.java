package org.bigdatalab.streaming;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How events are grouped into windows: a description, as Beam's {@code WindowFn}. The assignment of
 * one timestamp is plain arithmetic, shared here so that every engine and the oracle agree on it;
 * merging sessions and firing windows is the engines' work.
 *
 * <p>Assumptions and guarantees, for timestamp 7:
 * <ol>
 *   <li>{@code tumbling(5)} puts it in [5,10); window starts are multiples of the size
 *       (negative timestamps included: -1 is in [-5,0)).</li>
 *   <li>{@code sliding(10, 5)} puts it in [0,10) and [5,15): size/slide windows, the size a multiple of the slide.</li>
 *   <li>{@code session(3)} puts it in the proto-session [7,10), which merges with every session of
 *       its key that it overlaps.</li>
 * </ol>
 */
public sealed interface Windows extends Serializable {

  /** The windows an event with this timestamp belongs to (its proto-session, for sessions), earliest first. */
  List<Window> assign(long timestamp);

  static Windows tumbling(long size) { return new Tumbling(size); }
  static Windows sliding(long size, long slide) { return new Sliding(size, slide); }
  static Windows session(long gap) { return new Session(gap); }

  /** Fixed, non-overlapping windows of one size. */
  record Tumbling(long size) implements Windows {
    public Tumbling {
      if (size <= 0) {
        throw new IllegalArgumentException("tumbling window size " + size + " must be positive");
      }
    }

    @Override
    public List<Window> assign(long timestamp) {
      long start = timestamp - Math.floorMod(timestamp, size);
      return List.of(new Window(start, start + size));
    }
  }

  /** Overlapping windows of one size, one starting every {@code slide}; Kafka Streams calls them hopping. */
  record Sliding(long size, long slide) implements Windows {
    public Sliding {
      if (slide <= 0 || size <= 0 || size % slide != 0) {
        throw new IllegalArgumentException("sliding window size " + size + " must be a positive multiple of the slide " + slide);
      }
    }

    @Override
    public List<Window> assign(long timestamp) {
      long last = timestamp - Math.floorMod(timestamp, slide);
      List<Window> windows = new ArrayList<>();
      for (long start = last - size + slide; start <= last; start += slide) {
        windows.add(new Window(start, start + size));
      }
      return windows;
    }
  }

  /** Per-key sessions: a session ends {@code gap} after its last event; an event that bridges two merges them. */
  record Session(long gap) implements Windows {
    public Session {
      if (gap <= 0) {
        throw new IllegalArgumentException("session gap " + gap + " must be positive");
      }
    }

    @Override
    public List<Window> assign(long timestamp) { return List.of(new Window(timestamp, timestamp + gap)); }
  }
}
