package org.bigdatalab.cap.reference;

import java.util.List;
import org.bigdatalab.cap.RegisterOp;

/** The messages of {@link QuorumNode}'s Raft-style protocol (Ongaro and Ousterhout, 2014, figure 2). */
final class RaftMessages {
  private RaftMessages() {}

  /** A log entry: a client's operation (ticket and origin say who waits for it) or a leader's no-op (ticket -1). */
  record Entry(long term, RegisterOp op, int origin, int ticket) {}

  record RequestVote(long term, long lastIndex, long lastTerm) {}

  record Vote(long term, boolean granted) {}

  record Append(long term, long prevIndex, long prevTerm, List<Entry> entries, long commit) {}

  record Appended(long term, boolean success, long match) {}

  /** A follower passes its client's operation on to the leader it knows. */
  record Forward(Entry entry) {}

  /** Timer tags. */
  record ElectionTimeout(long generation) {}

  record Heartbeat(long term) {}
}
