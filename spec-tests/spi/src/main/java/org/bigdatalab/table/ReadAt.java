package org.bigdatalab.table;

import java.time.Instant;
import java.util.Objects;

/** Which version a read sees: the latest, a version number, or the version current at a time. */
public sealed interface ReadAt {

  static ReadAt latest() { return new Latest(); }
  static ReadAt version(long version) { return new Version(version); }
  static ReadAt timestamp(Instant time) { return new Timestamp(time); }

  record Latest() implements ReadAt {
    @Override public String toString() { return "latest"; }
  }

  /** {@code VERSION AS OF v}. */
  record Version(long version) implements ReadAt {
    @Override public String toString() { return "version " + version; }
  }

  /** {@code TIMESTAMP AS OF t}: the latest version committed at or before {@code time}. */
  record Timestamp(Instant time) implements ReadAt {
    public Timestamp { Objects.requireNonNull(time, "time"); }
    @Override public String toString() { return "timestamp " + time; }
  }
}
