package org.bigdatalab.table.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableOperation.WhenMatched;
import org.bigdatalab.table.TableSchema;

/**
 * What an operation does to a table's rows, written as plainly as possible: no files, no log,
 * a bag of rows. Every engine's result is compared with it. An operation it refuses comes back as
 * the problem the engine must report.
 *
 * <p>MERGE, by example, on {@code id}: target {@code (1, eu, 5), (2, us, 7)}, source
 * {@code (2, us, 8), (3, ap, 1)}, update when matched and insert when not: result
 * {@code (1, eu, 5), (2, us, 8), (3, ap, 1)}. With a second source row {@code (2, us, 9)}, row 2
 * would be changed twice: MERGE_AMBIGUOUS. A MERGE with no matched action changes no row, so
 * duplicates are not ambiguous there (SQL and Delta agree).
 */
final class TableModel {
  private TableModel() {}

  /** The rows after the operation, or the problem that refuses it. */
  record Outcome(List<Row> rows, Problem refusal) {
    boolean refused() { return refusal != null; }
  }

  static Outcome apply(TableSchema schema, List<Row> rows, TableOperation op) {
    Optional<Problem> bad = badRecords(schema, op);
    if (bad.isPresent()) {
      return new Outcome(rows, bad.get());
    }
    List<Row> out = new ArrayList<>();
    if (op instanceof TableOperation.Append a) {
      out.addAll(rows);
      out.addAll(a.rows());
    } else if (op instanceof TableOperation.OverwritePartition o) {
      rows.stream().filter(r -> !schema.partitionOf(r).equals(o.partition())).forEach(out::add);
      out.addAll(o.rows());
    } else if (op instanceof TableOperation.Delete d) {
      rows.stream().filter(r -> !d.where().test(schema, r)).forEach(out::add);
    } else {
      return merge(schema, rows, (TableOperation.Merge) op);
    }
    return new Outcome(out, null);
  }

  private static Outcome merge(TableSchema schema, List<Row> target, TableOperation.Merge m) {
    List<Row> out = new ArrayList<>();
    boolean matchedActions = m.whenMatched() != WhenMatched.NOTHING;
    for (Row s : m.source()) {
      if (matchedActions && target.stream().filter(t -> matches(schema, m, t, s)).count() > 1) {
        return new Outcome(target, Problem.MERGE_AMBIGUOUS);
      }
    }
    for (Row t : target) {
      List<Row> by = m.source().stream().filter(s -> matches(schema, m, t, s)).toList();
      if (!matchedActions || by.isEmpty()) {
        out.add(t);
      } else if (by.size() > 1) {
        return new Outcome(target, Problem.MERGE_AMBIGUOUS);
      } else if (m.whenMatched() == WhenMatched.UPDATE) {
        out.add(by.get(0));
      }
    }
    if (m.insertWhenNotMatched()) {
      m.source().stream().filter(s -> target.stream().noneMatch(t -> matches(schema, m, t, s))).forEach(out::add);
    }
    return new Outcome(out, null);
  }

  private static boolean matches(TableSchema schema, TableOperation.Merge m, Row t, Row s) {
    for (String c : m.on()) {
      Object v = t.get(schema.indexOf(c));
      if (v == null || !v.equals(s.get(schema.indexOf(c)))) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Problem> badRecords(TableSchema schema, TableOperation op) {
    List<Row> records = op instanceof TableOperation.Append a ? a.rows()
        : op instanceof TableOperation.OverwritePartition o ? o.rows()
        : op instanceof TableOperation.Merge m ? m.source() : List.of();
    for (Row r : records) {
      try {
        schema.check(r);
      } catch (BadRecordException e) {
        return Optional.of(Problem.SCHEMA_VIOLATION);
      }
      if (op instanceof TableOperation.OverwritePartition o && !schema.partitionOf(r).equals(o.partition())) {
        return Optional.of(Problem.SCHEMA_VIOLATION);
      }
    }
    return Optional.empty();
  }

  /** Rows in a fixed order, so two bags compare as lists. */
  static List<Row> sorted(List<Row> rows) {
    return rows.stream().sorted(Comparator.comparing(Row::toString)).toList();
  }
}
