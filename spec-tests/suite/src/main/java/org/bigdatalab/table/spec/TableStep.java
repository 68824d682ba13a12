package org.bigdatalab.table.spec;

import org.bigdatalab.table.TableOperation;

/** One step of a generated scenario against a table. */
sealed interface TableStep {

  /** A write, committed at once. */
  record Write(TableOperation op) implements TableStep {
    @Override public String toString() { return op.toString(); }
  }

  /** A write whose writer crashes before its {@code afterChanges + 1}-th storage change (if it gets that far). */
  record Crash(TableOperation op, int afterChanges) implements TableStep {
    @Override public String toString() { return "CRASH AFTER " + afterChanges + " CHANGES OF " + op; }
  }

  /** Two writers prepare on the same version; the one named first commits first. */
  record Race(TableOperation first, TableOperation second, boolean preparedInOrder) implements TableStep {
    @Override public String toString() {
      return "RACE (" + first + ") THEN (" + second + ")" + (preparedInOrder ? "" : ", prepared the other way round");
    }
  }

  /** The scripted clock moves on. */
  record Tick(int seconds) implements TableStep {
    @Override public String toString() { return "TICK " + seconds + "s"; }
  }

  /** A reader pins the latest version and keeps reading it. */
  record Pin() implements TableStep {
    @Override public String toString() { return "PIN"; }
  }

  record Vacuum(int retentionSeconds) implements TableStep {
    @Override public String toString() { return "VACUUM RETAIN " + retentionSeconds + "s"; }
  }
}
