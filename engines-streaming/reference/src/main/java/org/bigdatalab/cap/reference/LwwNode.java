package org.bigdatalab.cap.reference;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;

/**
 * A replica of {@code cap-lww}: every node answers every operation from what it holds, at once,
 * whatever the network does (AP). A write is stamped with the node's hybrid logical clock, kept,
 * acknowledged, and sent to the other replicas; a replica keeps, per key, the value with the largest
 * stamp (last writer wins). Messages get lost in partitions, so every {@link #ANTI_ENTROPY} ms each
 * node also sends everything it holds to every other (anti-entropy): once the network heals, all
 * replicas hold the same values. A compare-and-set compares with the local value only, so two
 * sides of a partition can both succeed: one of those writes is then lost, which the spec counts.
 */
class LwwNode extends SimNode<LwwNode.Disk> {
  static final long ANTI_ENTROPY = 100;

  /** A value and the stamp of the write that made it. */
  record Versioned(Integer value, Hlc stamp) {}

  /** What a replica keeps across crashes: its values and its clock. */
  static final class Disk {
    final Map<String, Versioned> values = new TreeMap<>();
    Hlc clock = Hlc.ZERO;
  }

  record Update(String key, Versioned versioned) {}

  record Digest(Map<String, Versioned> values) {}

  private record AntiEntropy() {}

  LwwNode(NodeContext ctx, Disk disk) {
    super(ctx, disk);
  }

  @Override
  void start() {
    if (antiEntropy()) {
      ctx.timer(ANTI_ENTROPY, new AntiEntropy());
    }
  }

  /** Hook for a broken store whose anti-entropy never runs. */
  protected boolean antiEntropy() {
    return true;
  }

  /** The stamp of a local write; a broken store overrides it with the bare wall clock. */
  protected Hlc stamp() {
    disk.clock = Hlc.tick(disk.clock, ctx.wallClock(), ctx.self());
    return disk.clock;
  }

  /** What receiving a stamp does to the clock; a broken store ignores it. */
  protected void observe(Hlc seen) {
    disk.clock = disk.clock.merge(seen);
  }

  @Override
  void onClient(int ticket, RegisterOp op) {
    Versioned current = disk.values.get(op.key());
    Integer value = current == null ? null : current.value();
    if (op instanceof RegisterOp.Read) {
      ctx.reply(ticket, Outcome.OK, value);
    } else if (op instanceof RegisterOp.Write w) {
      write(w.key(), w.value());
      acknowledge(ticket);
    } else if (op instanceof RegisterOp.Cas c) {
      if (Objects.equals(value, c.expected())) {
        write(c.key(), c.value());
        acknowledge(ticket);
      } else {
        ctx.reply(ticket, Outcome.FAIL, null);
      }
    }
  }

  /** Acknowledges a write; a broken store waits for a replica first. */
  protected void acknowledge(int ticket) {
    ctx.reply(ticket, Outcome.OK, null);
  }

  private void write(String key, int value) {
    Versioned v = new Versioned(value, stamp());
    disk.values.put(key, v);
    for (int n = 0; n < ctx.nodes(); n++) {
      if (n != ctx.self()) {
        ctx.send(n, new Update(key, v));
      }
    }
  }

  @Override
  void onMessage(int from, Object message) {
    if (message instanceof Update u) {
      merge(u.key(), u.versioned());
    } else if (message instanceof Digest d) {
      d.values().forEach(this::merge);
    }
  }

  protected void merge(String key, Versioned incoming) {
    observe(incoming.stamp());
    Versioned mine = disk.values.get(key);
    if (mine == null || incoming.stamp().compareTo(mine.stamp()) > 0) {
      disk.values.put(key, incoming);
    }
  }

  @Override
  void onTimer(Object tag) {
    if (tag instanceof AntiEntropy) {
      Digest digest = new Digest(Map.copyOf(disk.values));
      for (int n = 0; n < ctx.nodes(); n++) {
        if (n != ctx.self()) {
          ctx.send(n, digest);
        }
      }
      ctx.timer(ANTI_ENTROPY, tag);
    }
  }

  @Override
  Map<String, Integer> localValues() {
    Map<String, Integer> values = new TreeMap<>();
    disk.values.forEach((k, v) -> values.put(k, v.value()));
    return values;
  }
}
