package org.bigdatalab.cap.reference;

import java.util.HashMap;
import java.util.Map;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;

/**
 * Deliberately broken register stores, each wrong in one classic way and otherwise
 * {@code cap-quorum} or {@code cap-lww}. {@link CapSelfTest} shows that the matching clause
 * catches each one: a clause no broken store fails has no teeth.
 */
final class BrokenCapStores {
  private BrokenCapStores() {}

  private static EngineInfo broken(EngineInfo honest, String id, String what) {
    EngineInfo.Builder b = EngineInfo.builder(id, Topic.CAP).kind(EngineInfo.Kind.BROKEN).description(what);
    honest.unsupported().forEach(b::unsupported);
    return b.build();
  }

  /** A "CP" leader that acknowledges a write as soon as it is in its own log, before a majority has it. */
  static final class AcksBeforeQuorum extends QuorumStore {
    @Override public EngineInfo info() { return broken(INFO, "broken-acks-before-quorum", "leader acks writes on its own append"); }

    @Override protected QuorumNode node(NodeContext ctx, QuorumNode.Disk disk) {
      return new QuorumNode(ctx, disk) {
        @Override protected void acceptedByLeader(int ticket, RegisterOp op) {
          if (op instanceof RegisterOp.Write) {
            answerEarly(ticket);
          }
        }
      };
    }
  }

  /** Reads answered by whichever replica the client asks, from what it has applied: a lagging one answers stale. */
  static final class ReadsFromLaggingReplica extends QuorumStore {
    @Override public EngineInfo info() { return broken(INFO, "broken-lagging-reads", "reads served from the local replica"); }

    @Override protected QuorumNode node(NodeContext ctx, QuorumNode.Disk disk) {
      return new QuorumNode(ctx, disk) {
        @Override void onClient(int ticket, RegisterOp op) {
          if (op instanceof RegisterOp.Read) {
            ctx.reply(ticket, Outcome.OK, appliedState().get(op.key()));
          } else {
            super.onClient(ticket, op);
          }
        }
      };
    }
  }

  /** Last-writer-wins by the bare wall clock: a node whose clock is behind loses the writes it makes after reading. */
  static final class WallClockLww extends LwwStore {
    @Override public EngineInfo info() { return broken(INFO, "broken-wall-clock-lww", "stamps writes with the wall clock, no HLC"); }

    @Override protected LwwNode node(NodeContext ctx, LwwNode.Disk disk) {
      return new LwwNode(ctx, disk) {
        @Override protected Hlc stamp() { return new Hlc(ctx.wallClock(), 0, ctx.self()); }
        @Override protected void observe(Hlc seen) {}
      };
    }
  }

  /** Anti-entropy never runs: a write whose messages a partition lost is never repaired. */
  static final class NoAntiEntropy extends LwwStore {
    @Override public EngineInfo info() { return broken(INFO, "broken-no-anti-entropy", "no periodic anti-entropy"); }

    @Override protected LwwNode node(NodeContext ctx, LwwNode.Disk disk) {
      return new LwwNode(ctx, disk) {
        @Override protected boolean antiEntropy() { return false; }
      };
    }
  }

  /**
   * An "AP" store that refuses writes unless it heard from a majority lately (a quorum check): on the
   * minority side of a partition it is not available, and an AP store must be.
   */
  static final class RefusesWithoutMajority extends LwwStore {
    @Override public EngineInfo info() { return broken(INFO, "broken-refuses-without-majority", "writes need a recently heard majority"); }

    @Override protected LwwNode node(NodeContext ctx, LwwNode.Disk disk) {
      return new LwwNode(ctx, disk) {
        private final Map<Integer, Long> heard = new HashMap<>();

        @Override void onMessage(int from, Object message) {
          heard.put(from, ctx.wallClock());
          super.onMessage(from, message);
        }

        @Override void onClient(int ticket, RegisterOp op) {
          long recent = heard.values().stream().filter(t -> t >= ctx.wallClock() - 3 * ANTI_ENTROPY).count();
          if (!(op instanceof RegisterOp.Read) && recent + 1 < ctx.majority()) {
            ctx.reply(ticket, Outcome.FAIL, null);
          } else {
            super.onClient(ticket, op);
          }
        }
      };
    }
  }
}
