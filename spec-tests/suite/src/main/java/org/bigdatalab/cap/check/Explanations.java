package org.bigdatalab.cap.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.RegisterOp;

/**
 * Explains a violation: shrinks the key's operations to a set that still cannot be ordered and
 * loses that property if any one operation is removed (Zeller's delta debugging: drop halves,
 * then quarters, down to single operations), and draws it as a timeline. Every candidate is
 * searched again, so what is kept always cannot be ordered; the explanation has its own deadline,
 * and past it the set is reported as not minimal.
 */
final class Explanations {
  private static final int WIDTH = 48;

  /** A linearizability check of a candidate set: true, false, or null when the deadline passed. */
  interface Check {
    Boolean linearizable(List<Operation> ops, long deadlineNanos);
  }

  private Explanations() {}

  static Verdict.NotLinearizable explain(String key, List<Operation> ops, Check check, long deadlineNanos) {
    List<Operation> current = new ArrayList<>(ops);
    boolean minimal = true;
    int chunk = Math.max(1, current.size() / 2);
    while (minimal) {
      int before = current.size();
      int i = 0;
      while (i < current.size()) {
        List<Operation> candidate = new ArrayList<>(current.subList(0, i));
        candidate.addAll(current.subList(Math.min(current.size(), i + chunk), current.size()));
        Boolean ok = candidate.isEmpty() || !keepsSources(candidate, ops) ? Boolean.TRUE
            : check.linearizable(candidate, deadlineNanos);
        if (ok == null) {
          minimal = false;
          break;
        }
        if (ok) {
          i += chunk;
        } else {
          current = candidate;
        }
      }
      // Single removals repeat until none succeeds: dropping a read can free the write it needed.
      if (chunk == 1 && current.size() == before) {
        break;
      }
      chunk = Math.max(1, chunk / 2);
    }
    current.sort(Comparator.comparingLong(Operation::invokedAt));
    return new Verdict.NotLinearizable(key, current, minimal, timeline(current));
  }

  /**
   * Whether every value a kept read returned (or a kept compare-and-set found) is still written, by a kept operation invoked before
   * the read completed, where the whole history had one. Without this rule the smallest set would
   * often be a lone read whose write was dropped, or a read beside a later write of the same value:
   * unorderable, but explaining nothing.
   */
  private static boolean keepsSources(List<Operation> candidate, List<Operation> all) {
    for (Operation o : candidate) {
      Integer seen = !o.ok() ? null : o.op() instanceof RegisterOp.Cas c ? (Integer) c.expected()
          : o.op() instanceof RegisterOp.Read ? o.value() : null;
      if (seen != null && writes(all, seen, o.completedAt()) && !writes(candidate, seen, o.completedAt())) {
        return false;
      }
    }
    return true;
  }

  private static boolean writes(List<Operation> ops, int value, long invokedBy) {
    for (Operation o : ops) {
      boolean writesIt = (o.op() instanceof RegisterOp.Write w && w.value() == value)
          || (o.op() instanceof RegisterOp.Cas c && c.value() == value);
      if (writesIt && o.invokedAt() <= invokedBy) {
        return true;
      }
    }
    return false;
  }

  /** One line per operation: what it was and a bar from its invocation to its completion. */
  static String timeline(List<Operation> ops) {
    long start = ops.stream().mapToLong(Operation::invokedAt).min().orElse(0);
    long end = ops.stream().mapToLong(o -> o.completedAt() == Long.MAX_VALUE ? o.invokedAt() : o.completedAt())
        .max().orElse(start);
    double scale = (WIDTH - 1) / (double) Math.max(1, end - start);
    int label = ops.stream().mapToInt(o -> describe(o).length()).max().orElse(0);
    StringBuilder b = new StringBuilder();
    for (Operation o : ops) {
      int from = (int) Math.round((o.invokedAt() - start) * scale);
      boolean open = o.completedAt() == Long.MAX_VALUE;
      // An instant still gets both brackets, so it reads as an operation and not a stray mark.
      int to = open ? WIDTH - 1 : Math.max(Math.min(from + 1, WIDTH - 1), (int) Math.round((o.completedAt() - start) * scale));
      from = Math.min(from, to - 1);
      StringBuilder bar = new StringBuilder(" ".repeat(WIDTH));
      for (int c = from; c <= to; c++) {
        bar.setCharAt(c, '-');
      }
      bar.setCharAt(from, '[');
      bar.setCharAt(to, open ? '>' : ']');
      String times = o.invokedAt() + ".." + (open ? "never" : Long.toString(o.completedAt()));
      b.append(String.format("  %-" + label + "s |%s| %s%n", describe(o), bar, times));
    }
    return b.toString();
  }

  private static String describe(Operation o) {
    String read = o.ok() && o.op() instanceof RegisterOp.Read ? " -> " + o.value() : "";
    return "p" + o.process() + " " + o.op() + read + " " + o.outcome().name().toLowerCase(java.util.Locale.ROOT);
  }
}
