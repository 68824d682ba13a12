package org.bigdatalab.cap.reference;

import java.util.Map;
import java.util.Set;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;

/** The messages of {@code cap-primary-backup}: replicas, their primary and the configuration service. */
final class PrimaryBackupMessages {
  private PrimaryBackupMessages() {}

  /** The service's word: who is primary in {@code epoch}, and the in-sync replicas ({@code version} counts ISR changes). */
  record Config(long epoch, long version, int primary, Set<Integer> isr) {
    boolean newerThan(Config other) {
      return other == null || epoch > other.epoch || (epoch == other.epoch && version > other.version);
    }
  }

  /** A replica tells the service it is alive. */
  record Beat() {}

  /** The primary asks the service to change the in-sync replicas of its epoch. */
  record SetIsr(long epoch, Set<Integer> isr) {}

  /** The primary's whole state after its operation {@code seq} (registers are small; a snapshot keeps catch-up trivial). */
  record Replicate(long epoch, long seq, Map<String, Integer> state) {}

  record Ack(long epoch, long seq) {}

  /** A replica passes its client's operation to the primary. */
  record Forward(int ticket, RegisterOp op) {}

  /** The primary tells the replica that forwarded an operation how it ended. */
  record Done(int ticket, Outcome outcome, Integer value) {}

  record Tick() {}
}
