package org.bigdatalab.cap.reference;

import java.util.Set;
import java.util.TreeSet;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;
import org.bigdatalab.cap.reference.PrimaryBackupMessages.Beat;
import org.bigdatalab.cap.reference.PrimaryBackupMessages.Config;
import org.bigdatalab.cap.reference.PrimaryBackupMessages.SetIsr;
import org.bigdatalab.cap.reference.PrimaryBackupMessages.Tick;

/**
 * The configuration service of {@code cap-primary-backup} (Kafka's controller, ZooKeeper for
 * HDFS's NameNodes): it hears the replicas' beats, keeps the primary and the in-sync replicas (ISR),
 * and when the primary falls silent elects a new one from the ISR, or, unclean, from any replica
 * it hears. It is one node that never crashes (a real one is itself a replicated CP store); a
 * partition leaves it with "the rest".
 */
final class ConfigService extends SimNode<PrimaryBackupNode.Disk> {
  static final long CHECK = 50;
  static final long SILENCE = 150;

  private final boolean unclean;
  private final long[] lastBeat;
  private Config config;

  ConfigService(NodeContext ctx, PrimaryBackupNode.Disk disk, boolean unclean) {
    super(ctx, disk);
    this.unclean = unclean;
    this.lastBeat = new long[ctx.nodes()];
    Set<Integer> all = new TreeSet<>();
    for (int n = 0; n < ctx.nodes(); n++) {
      all.add(n);
    }
    config = new Config(1, 0, 0, all);
  }

  @Override
  void start() {
    ctx.timer(CHECK, new Tick());
  }

  @Override
  void onMessage(int from, Object message) {
    if (message instanceof Beat) {
      lastBeat[from] = ctx.wallClock();
    } else if (message instanceof SetIsr s && s.epoch() == config.epoch() && from == config.primary()
        && s.isr().contains(from)) {
      config = new Config(config.epoch(), config.version() + 1, config.primary(), Set.copyOf(s.isr()));
      broadcast();
    }
  }

  @Override
  void onTimer(Object tag) {
    if (!alive(config.primary())) {
      elect();
    }
    broadcast();
    ctx.timer(CHECK, tag);
  }

  private boolean alive(int node) {
    return node >= 0 && lastBeat[node] > 0 && ctx.wallClock() - lastBeat[node] <= SILENCE;
  }

  /** A live ISR member; unclean, any live replica when no ISR member is left. */
  private void elect() {
    Set<Integer> isr = new TreeSet<>(config.isr());
    isr.remove(config.primary());
    Integer next = isr.stream().filter(this::alive).findFirst().orElse(null);
    if (next == null && unclean) {
      for (int n = 0; n < ctx.nodes() && next == null; n++) {
        next = alive(n) ? Integer.valueOf(n) : null;
      }
      isr = next == null ? isr : new TreeSet<>(Set.of(next));
    }
    if (next != null) {
      config = new Config(config.epoch() + 1, 0, next, Set.copyOf(isr));
    }
  }

  private void broadcast() {
    for (int n = 0; n < ctx.nodes(); n++) {
      ctx.send(n, config);
    }
  }

  @Override
  void onClient(int ticket, RegisterOp op) {
    ctx.reply(ticket, Outcome.FAIL, null);
  }

  @Override
  java.util.Map<String, Integer> localValues() {
    return java.util.Map.of();
  }
}
