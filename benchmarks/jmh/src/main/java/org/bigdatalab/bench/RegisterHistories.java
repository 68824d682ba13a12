package org.bigdatalab.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;

/**
 * Linearizable register histories made to measure, for the checker's benchmark (B11): {@code ops}
 * operations on {@code keys} keys by {@code clients} concurrent clients, from one seed.
 *
 * <p>Made directly rather than recorded from a simulated store, because a store's history has the
 * concurrency its network gives it, and the benchmark needs to set it. Each step picks a client at
 * random: an idle one invokes (half reads, a third writes, the rest compare-and-sets, values 0-4, so
 * cas succeeds often enough to matter), a busy one completes. Every operation takes effect at a
 * random instant between its invocation and its completion, and the register's replay in that
 * order decides what reads return and which cas fail, so the history is linearizable by
 * construction (the checker must find an order; nothing tells it which). One completion in
 * {@value #INFO_PERCENT}% is a timeout instead ({@code INFO}: it took effect or not, at random, and
 * its process is replaced by a new one, as Knossos's processes are): unknown outcomes are what make
 * the search branch.
 */
final class RegisterHistories {
  static final int INFO_PERCENT = 2;
  private static final int VALUES = 5;

  private RegisterHistories() {}

  /** One invocation while it is open: who, what, when, and when it takes effect (if ever). */
  private static final class Call {
    final int process;
    final RegisterOp op;
    final long invokedAt;
    long completedAt = Long.MAX_VALUE;
    double effectAt = Double.NaN; // NaN: never takes effect (a timed-out call that did not happen)
    boolean timedOut;
    Integer read;
    boolean casApplied;

    Call(int process, RegisterOp op, long invokedAt) {
      this.process = process;
      this.op = op;
      this.invokedAt = invokedAt;
    }
  }

  static History generate(int ops, int keys, int clients, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Call[] open = new Call[clients];
    int[] process = new int[clients];
    for (int c = 0; c < clients; c++) {
      process[c] = c;
    }
    int nextProcess = clients;
    List<Call> calls = new ArrayList<>(ops);
    long time = 0;
    int invoked = 0;
    while (invoked < ops || anyOpen(open)) {
      int c = random.nextInt(clients);
      time++; // one event per instant: no ties for the checker to resolve
      if (open[c] == null) {
        if (invoked == ops) {
          continue;
        }
        open[c] = new Call(process[c], op(random, "k" + random.nextInt(keys)), time);
        calls.add(open[c]);
        invoked++;
      } else {
        Call call = open[c];
        call.timedOut = random.nextInt(100) < INFO_PERCENT;
        call.completedAt = call.timedOut ? Long.MAX_VALUE : time;
        // it took effect strictly inside its interval (or, timed out, at some later instant or never)
        boolean happens = !call.timedOut || random.nextBoolean();
        call.effectAt = happens ? call.invokedAt + random.nextDouble() * (time - call.invokedAt) + 1e-9 : Double.NaN;
        if (call.timedOut) {
          process[c] = nextProcess++;
        }
        open[c] = null;
      }
    }
    replay(calls);
    List<Operation> history = new ArrayList<>(calls.size());
    for (Call call : calls) {
      Outcome outcome = call.timedOut ? Outcome.INFO
          : call.op instanceof RegisterOp.Cas && !call.casApplied ? Outcome.FAIL : Outcome.OK;
      history.add(new Operation(call.process, -1, call.op, outcome, outcome == Outcome.OK ? call.read : null,
          call.invokedAt, call.completedAt));
    }
    return new History(history);
  }

  private static boolean anyOpen(Call[] open) {
    for (Call c : open) {
      if (c != null) {
        return true;
      }
    }
    return false;
  }

  private static RegisterOp op(SplittableRandom random, String key) {
    int kind = random.nextInt(6);
    return kind < 3 ? new RegisterOp.Read(key)
        : kind < 5 ? new RegisterOp.Write(key, random.nextInt(VALUES))
        : new RegisterOp.Cas(key, random.nextInt(VALUES), random.nextInt(VALUES));
  }

  /** Applies the calls that took effect in the order they did, filling in reads and cas results. */
  private static void replay(List<Call> calls) {
    Map<String, Integer> registers = new HashMap<>();
    calls.stream().filter(c -> !Double.isNaN(c.effectAt)).sorted(Comparator.comparingDouble(c -> c.effectAt)).forEach(c -> {
      Integer current = registers.get(c.op.key());
      if (c.op instanceof RegisterOp.Read) {
        c.read = current;
      } else if (c.op instanceof RegisterOp.Write w) {
        registers.put(w.key(), w.value());
      } else if (c.op instanceof RegisterOp.Cas cas && Objects.equals(current, cas.expected())) {
        registers.put(cas.key(), cas.value());
        c.casApplied = true;
      }
    });
  }
}
