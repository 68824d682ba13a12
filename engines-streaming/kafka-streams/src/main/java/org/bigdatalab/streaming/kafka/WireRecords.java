package org.bigdatalab.streaming.kafka;

import java.io.Serializable;
import org.bigdatalab.streaming.DeadLetter;

/**
 * What a broker run writes to its output topics (Java-serialized, see {@link JavaSerde}): the SPI's
 * own records are not {@link Serializable}, so they cross the broker in these shapes.
 */
final class WireRecords {
  private WireRecords() {}

  /** A bad line and why; step -1 marks the end of a stateless run's input. */
  record Dead(int step, String line, String reason) implements Serializable {
    static Dead of(DeadLetter d) { return new Dead(d.step(), d.line(), d.reason()); }

    DeadLetter letter() { return new DeadLetter(step, line, reason); }
  }

  /** A window's final accumulator, its bounds in the job's time, and the watermark when suppression let it out. */
  record Emitted(long start, long end, Object accumulator, long watermark) implements Serializable {}
}
