package org.bigdatalab.cap.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;
import org.bigdatalab.cap.reference.PrimaryBackupMessages.Ack;
import org.bigdatalab.cap.reference.PrimaryBackupMessages.Beat;
import org.bigdatalab.cap.reference.PrimaryBackupMessages.Config;
import org.bigdatalab.cap.reference.PrimaryBackupMessages.Done;
import org.bigdatalab.cap.reference.PrimaryBackupMessages.Forward;
import org.bigdatalab.cap.reference.PrimaryBackupMessages.Replicate;
import org.bigdatalab.cap.reference.PrimaryBackupMessages.SetIsr;
import org.bigdatalab.cap.reference.PrimaryBackupMessages.Tick;

/**
 * A replica of {@code cap-primary-backup}, after Kafka's acks=all with min.insync.replicas: the
 * primary the {@link ConfigService} names applies each operation (reads included, so a deposed
 * primary cannot answer them) and answers only when every in-sync replica (ISR) has the state
 * after it, and only while the ISR has at least a majority of the replicas. A replica that stops
 * acknowledging is dropped from the ISR through the service, and one that caught up is added back.
 * Because only the service changes the ISR and it elects only ISR members (unless unclean), every
 * acknowledged operation is on the next primary.
 */
final class PrimaryBackupNode extends SimNode<PrimaryBackupNode.Disk> {
  static final long TICK = 30;
  /** A follower that has not acknowledged for this long leaves the ISR. */
  static final long LAG = 120;

  /**
   * What a replica keeps across crashes: the state it holds, the epoch of the primary that made it
   * and that primary's sequence number for it. (epoch, seq) orders states: a replica adopts a larger one.
   */
  static final class Disk {
    long epoch;
    long seq;
    Map<String, Integer> state = new TreeMap<>();
    /**
     * The forwarded requests this replica has served as primary, by (origin, ticket): the network may
     * deliver a Forward twice, and serving the copy again would apply a request whose first copy was
     * already answered (a cas refused while the ISR was short, then applied by its duplicate; an old
     * write over a newer one). Kept across crashes, as a delayed copy can come after a restart.
     */
    Set<Long> served = new HashSet<>();
  }

  private record Pending(int ticket, int origin, long seq, Outcome outcome, Integer value) {}

  private Config config;
  private final List<Pending> pending = new ArrayList<>();
  private final Map<Integer, Long> acked = new HashMap<>();
  private final Map<Integer, Long> lastAck = new HashMap<>();
  private final Map<Integer, RegisterOp> forwarded = new HashMap<>();

  PrimaryBackupNode(NodeContext ctx, Disk disk) {
    super(ctx, disk);
  }

  private int service() {
    return ctx.nodes();
  }

  private boolean primary() {
    return config != null && config.primary() == ctx.self() && config.epoch() == disk.epoch;
  }

  @Override
  void start() {
    ctx.send(service(), new Beat());
    ctx.timer(TICK, new Tick());
  }

  @Override
  void onClient(int ticket, RegisterOp op) {
    if (primary()) {
      serve(ticket, ctx.self(), op);
    } else if (config != null && config.primary() >= 0 && config.primary() != ctx.self()) {
      forwarded.put(ticket, op);
      ctx.send(config.primary(), new Forward(ticket, op));
    } else {
      ctx.reply(ticket, Outcome.FAIL, null);
    }
  }

  /** Applies an operation as primary; the answer waits for the ISR. */
  private void serve(int ticket, int origin, RegisterOp op) {
    if (config.isr().size() < ctx.majority()) {
      answer(new Pending(ticket, origin, 0, Outcome.FAIL, null));
      return;
    }
    Integer current = disk.state.get(op.key());
    Outcome outcome = Outcome.OK;
    if (op instanceof RegisterOp.Write w) {
      disk.state.put(w.key(), w.value());
    } else if (op instanceof RegisterOp.Cas c) {
      if (Objects.equals(current, c.expected())) {
        disk.state.put(c.key(), c.value());
      } else {
        outcome = Outcome.FAIL;
      }
    }
    disk.seq++;
    pending.add(new Pending(ticket, origin, disk.seq, outcome, op instanceof RegisterOp.Read ? current : null));
    replicate();
    commit();
  }

  private void answer(Pending p) {
    if (p.origin() == ctx.self()) {
      ctx.reply(p.ticket(), p.outcome(), p.value());
    } else {
      ctx.send(p.origin(), new Done(p.ticket(), p.outcome(), p.value()));
    }
  }

  private void replicate() {
    Replicate r = new Replicate(disk.epoch, disk.seq, Map.copyOf(disk.state));
    for (int n = 0; n < ctx.nodes(); n++) {
      if (n != ctx.self()) {
        ctx.send(n, r);
      }
    }
  }

  /** Answers every pending operation each in-sync replica has acknowledged. */
  private void commit() {
    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      boolean everywhere = config.isr().stream().allMatch(n -> n == ctx.self() || acked.getOrDefault(n, 0L) >= p.seq());
      if (!everywhere || config.isr().size() < ctx.majority()) {
        return;
      }
      it.remove();
      answer(p);
    }
  }

  @Override
  void onMessage(int from, Object message) {
    if (message instanceof Config c && c.newerThan(config)) {
      onConfig(c);
    } else if (message instanceof Replicate r) {
      if (config != null && r.epoch() < config.epoch()) {
        return; // a deposed primary: no acknowledgement, so it cannot answer anyone
      }
      if (r.epoch() > disk.epoch || (r.epoch() == disk.epoch && r.seq() > disk.seq)) {
        disk.epoch = r.epoch();
        disk.seq = r.seq();
        disk.state = new TreeMap<>(r.state());
        pending.clear();
      }
      if (r.epoch() == disk.epoch) {
        ctx.send(from, new Ack(disk.epoch, disk.seq));
      }
    } else if (message instanceof Ack a && primary() && a.epoch() == disk.epoch) {
      acked.merge(from, a.seq(), Math::max);
      lastAck.put(from, ctx.wallClock());
      commit();
    } else if (message instanceof Forward f) {
      if (primary() && disk.served.add(((long) from << 32) | (f.ticket() & 0xffffffffL))) {
        serve(f.ticket(), from, f.op());
      }
    } else if (message instanceof Done d && forwarded.remove(d.ticket()) != null) {
      ctx.reply(d.ticket(), d.outcome(), d.value());
    }
  }

  private void onConfig(Config c) {
    boolean takeOver = c.primary() == ctx.self() && (config == null || c.epoch() > config.epoch()) && c.epoch() > disk.epoch;
    config = c;
    if (takeOver) {
      // The state this replica holds starts the new epoch (its sequence goes on); tell everyone.
      disk.epoch = c.epoch();
      pending.clear();
      acked.clear();
      lastAck.clear();
      replicate();
    } else if (!primary()) {
      pending.clear();
    }
    if (primary()) {
      commit();
    }
  }

  @Override
  void onTimer(Object tag) {
    ctx.send(service(), new Beat());
    if (primary()) {
      replicate();
      proposeIsr();
    }
    ctx.timer(TICK, tag);
  }

  /** Drops followers that stopped acknowledging, adds back those that hold the latest state. */
  private void proposeIsr() {
    Set<Integer> isr = new TreeSet<>();
    isr.add(ctx.self());
    for (int n = 0; n < ctx.nodes(); n++) {
      boolean recent = ctx.wallClock() - lastAck.getOrDefault(n, Long.MIN_VALUE / 2) <= LAG;
      boolean caughtUp = acked.getOrDefault(n, -1L) >= disk.seq;
      if (n != ctx.self() && recent && (config.isr().contains(n) || caughtUp)) {
        isr.add(n);
      }
    }
    if (!isr.equals(config.isr())) {
      ctx.send(service(), new SetIsr(disk.epoch, isr));
    }
  }

  @Override
  Map<String, Integer> localValues() {
    return new TreeMap<>(disk.state);
  }
}
