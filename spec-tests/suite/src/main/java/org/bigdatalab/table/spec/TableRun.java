package org.bigdatalab.table.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bigdatalab.table.CommitInfo;
import org.bigdatalab.table.PendingCommit;
import org.bigdatalab.table.ReadAt;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.Snapshot;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableSchema;
import org.bigdatalab.table.VacuumResult;

/**
 * Runs a scenario's steps on a fresh table and on {@link TableModel} side by side, and keeps what
 * the checks compare against: the model's rows of every version, the pinned readers, and the
 * oldest version the vacuums promised to keep. Every disagreement is an AssertionError that lists
 * the steps done so far.
 */
final class TableRun {
  private static final AtomicLong TABLES = new AtomicLong();
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final Table table;
  private final TableSchema schema;
  private final ScriptedClock clock = new ScriptedClock(START);
  private final List<List<Row>> versions = new ArrayList<>();
  private final List<Pinned> pins = new ArrayList<>();
  private final List<String> done = new ArrayList<>();
  private long oldestKept;

  private record Pinned(Snapshot snapshot, long version, List<Row> rows) {}

  TableRun(TableEngine engine, TableSchema schema) throws Exception {
    this.schema = schema;
    this.table = engine.create("t" + TABLES.incrementAndGet(), schema, clock);
    versions.add(List.of());
  }

  Table table() { return table; }
  List<Row> current() { return versions.get(versions.size() - 1); }
  long latest() { return versions.size() - 1; }
  List<Row> rowsOf(long version) { return versions.get((int) version); }
  String context() { return "after steps " + done; }

  void step(TableStep step) throws TableException {
    done.add(step.toString());
    if (step instanceof TableStep.Write w) {
      write(w.op());
    } else if (step instanceof TableStep.Crash c) {
      table.faults().crashNextWriteAfter(c.afterChanges());
      write(c.op());
    } else if (step instanceof TableStep.Race r) {
      race(r);
    } else if (step instanceof TableStep.Tick t) {
      clock.advance(Duration.ofSeconds(t.seconds()));
    } else if (step instanceof TableStep.Pin) {
      Snapshot s = table.snapshot(ReadAt.latest());
      assertThat(s.version()).as("version pinned as latest, %s", context()).isEqualTo(latest());
      pins.add(new Pinned(s, latest(), TableModel.sorted(current())));
    } else if (step instanceof TableStep.Vacuum v) {
      vacuum(Duration.ofSeconds(v.retentionSeconds()));
    }
  }

  /** A write, committed at once; a crashed writer (injected) leaves the model as it was. */
  void write(TableOperation op) throws TableException {
    TableModel.Outcome expected = TableModel.apply(schema, current(), op);
    long version;
    try {
      version = table.write(op);
    } catch (TableException e) {
      if (e.problem() == Problem.WRITER_CRASHED || expected.refused() && e.problem() == expected.refusal()) {
        return;
      }
      throw new AssertionError("write failed with " + e.getMessage() + " where the model " + describe(expected) + ", " + context(), e);
    }
    assertThat(expected.refusal()).as("problem the model finds in %s, %s", op, context()).isNull();
    assertThat(version).as("version made by %s, %s", op, context()).isEqualTo(latest() + 1);
    versions.add(expected.rows());
  }

  private void race(TableStep.Race r) throws TableException {
    TableModel.Outcome first = TableModel.apply(schema, current(), r.first());
    TableModel.Outcome second = TableModel.apply(schema, current(), r.second());
    if (first.refused() || second.refused()) {
      write(r.first());
      write(r.second());
      return;
    }
    PendingCommit a;
    PendingCommit b;
    if (r.preparedInOrder()) {
      a = table.prepare(r.first());
      b = table.prepare(r.second());
    } else {
      b = table.prepare(r.second());
      a = table.prepare(r.first());
    }
    checkLatest("while two writes are prepared but not committed");
    assertThat(a.commit()).as("the first of two racing commits always wins, %s", context()).isEqualTo(latest() + 1);
    versions.add(first.rows());
    TableModel.Outcome serial = TableModel.apply(schema, current(), r.second());
    long version;
    try {
      version = b.commit();
    } catch (TableException e) {
      if (e.problem() == Problem.CONFLICT) {
        return;
      }
      throw new AssertionError("the second racing commit failed with " + e.getMessage() + ", not CONFLICT, " + context(), e);
    }
    assertThat(serial.refusal()).as("the model refuses the second write after the first, yet it committed, %s", context()).isNull();
    assertThat(version).as("version of the second racing commit, %s", context()).isEqualTo(latest() + 1);
    versions.add(serial.rows());
  }

  private void vacuum(Duration retention) throws TableException {
    VacuumResult result = table.vacuum(retention);
    List<CommitInfo> history = table.history();
    long keep = latest();
    while (keep > 0 && history.get((int) keep).timestamp().isAfter(result.horizon())) {
      keep--;
    }
    // keep is now the version current at the horizon (the last committed at or before it).
    oldestKept = Math.max(oldestKept, keep);
  }

  /** The latest version is the model's last one, with its rows, and the history has one entry per version. */
  void checkLatest(String when) throws TableException {
    Snapshot s = table.snapshot(ReadAt.latest());
    assertThat(s.version()).as("latest version %s, %s", when, context()).isEqualTo(latest());
    assertThat(TableModel.sorted(s.read().rows())).as("rows of the latest version %s, %s", when, context())
        .isEqualTo(TableModel.sorted(current()));
    assertThat(table.history()).as("history %s, %s", when, context()).hasSize(versions.size());
  }

  /** Every pinned reader still reads its version's rows. */
  void checkPins() throws TableException {
    for (Pinned p : pins) {
      assertThat(p.snapshot().version()).as("version of a reader pinned at %d, %s", p.version(), context()).isEqualTo(p.version());
      assertThat(TableModel.sorted(p.snapshot().read().rows())).as("rows read by a reader pinned at version %d, %s",
          p.version(), context()).isEqualTo(p.rows());
    }
  }

  /** Every version reads as the model's; versions a vacuum dropped read exactly or fail with VERSION_EXPIRED. */
  void checkVersions() throws TableException {
    for (long v = 0; v <= latest(); v++) {
      List<Row> rows;
      try {
        rows = table.snapshot(ReadAt.version(v)).read().rows();
      } catch (TableException e) {
        if (v < oldestKept && e.problem() == Problem.VERSION_EXPIRED) {
          continue;
        }
        throw new AssertionError("reading version " + v + " failed (the vacuums kept versions from " + oldestKept
            + "): " + e.getMessage() + ", " + context(), e);
      }
      assertThat(TableModel.sorted(rows)).as("rows of version %d, %s", v, context()).isEqualTo(TableModel.sorted(rowsOf(v)));
    }
  }

  /** Reading at a commit's time, or between two ticks, gives the latest version committed at or before it. */
  void checkTimestamps() throws TableException {
    List<CommitInfo> history = table.history();
    for (CommitInfo c : history) {
      for (Instant t : List.of(c.timestamp(), c.timestamp().plusMillis(500))) {
        long expected = history.stream().filter(h -> !h.timestamp().isAfter(t)).mapToLong(CommitInfo::version).max().orElseThrow();
        Snapshot s = table.snapshot(ReadAt.timestamp(t));
        assertThat(s.version()).as("version read at %s (history %s), %s", t, history, context()).isEqualTo(expected);
        assertThat(TableModel.sorted(s.read().rows())).as("rows read at %s, %s", t, context())
            .isEqualTo(TableModel.sorted(rowsOf(expected)));
      }
    }
    assertProblem(() -> table.snapshot(ReadAt.timestamp(history.get(0).timestamp().minusMillis(1))), Problem.VERSION_NOT_FOUND,
        "reading before the table was created");
    assertProblem(() -> table.snapshot(ReadAt.version(latest() + 1)), Problem.VERSION_NOT_FOUND, "reading a version not yet made");
  }

  interface Call {
    Object call() throws TableException;
  }

  void assertProblem(Call call, Problem problem, String what) {
    try {
      call.call();
    } catch (TableException e) {
      assertThat(e.problem()).as("%s: %s, %s", what, e.getMessage(), context()).isEqualTo(problem);
      return;
    }
    throw new AssertionError(what + " did not fail with " + problem + ", " + context());
  }

  private static String describe(TableModel.Outcome o) {
    return o.refused() ? "refuses it with " + o.refusal() : "accepts it";
  }
}
