package org.bigdatalab.table.reference;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bigdatalab.table.DataFile;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableOperation.WhenMatched;
import org.bigdatalab.table.TableSchema;

/**
 * Turns an operation on a version's files into a {@link Plan}: which files to write and which to
 * remove. Files are immutable, so a delete or a MERGE that changes one row of a file removes the
 * file and writes its other rows anew (copy on write, as Delta does without deletion vectors).
 * Every record is checked against the schema before anything is planned, so a bad record fails
 * the write before its first file exists.
 */
class Planner {

  /** Reads a data file's rows for planning. */
  interface Files {
    List<Row> rows(DataFile file) throws TableException;
  }

  private final String table;
  private final TableSchema schema;

  Planner(String table, TableSchema schema) {
    this.table = table;
    this.schema = schema;
  }

  Plan plan(TableOperation operation, List<DataFile> live, Files files) throws TableException {
    if (operation instanceof TableOperation.Append a) {
      return new Plan("APPEND", newFiles(checked(a.rows(), "appended")), List.of(), null);
    }
    if (operation instanceof TableOperation.OverwritePartition o) {
      return overwrite(o, live);
    }
    if (operation instanceof TableOperation.Delete d) {
      return delete(d.where(), live, files);
    }
    return merge((TableOperation.Merge) operation, live, files);
  }

  private Plan overwrite(TableOperation.OverwritePartition o, List<DataFile> live) throws TableException {
    try {
      schema.checkPartition(o.partition());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new TableException(Problem.SCHEMA_VIOLATION, table, "overwrite: " + e.getMessage());
    }
    List<Row> rows = checked(o.rows(), "overwriting");
    for (int i = 0; i < rows.size(); i++) {
      if (!schema.partitionOf(rows.get(i)).equals(o.partition())) {
        throw new TableException(Problem.SCHEMA_VIOLATION, table, "overwriting record " + (i + 1) + " " + rows.get(i)
            + ": " + schema.partitionColumns() + ": belongs to partition " + schema.partitionOf(rows.get(i))
            + ", not the overwritten " + o.partition());
      }
    }
    List<DataFile> removes = live.stream().filter(f -> f.partition().equals(o.partition())).toList();
    Predicate reads = Predicate.all();
    for (Map.Entry<String, Object> e : o.partition().entrySet()) {
      reads = reads.and(Predicate.eq(e.getKey(), e.getValue()));
    }
    return new Plan("OVERWRITE", newFiles(rows), removes, reads);
  }

  private Plan delete(Predicate where, List<DataFile> live, Files files) throws TableException {
    List<DataFile> removes = new ArrayList<>();
    List<Row> kept = new ArrayList<>();
    for (DataFile f : live) {
      if (!where.mayMatch(f.partition())) {
        continue;
      }
      List<Row> rows = files.rows(f);
      List<Row> keep = rows.stream().filter(r -> !where.test(schema, r)).toList();
      if (keep.size() < rows.size()) {
        removes.add(f);
        kept.addAll(keep);
      }
    }
    return new Plan("DELETE", newFiles(kept), removes, where);
  }

  private Plan merge(TableOperation.Merge m, List<DataFile> live, Files files) throws TableException {
    List<Row> source = checked(m.source(), "MERGE source");
    m.on().forEach(schema::indexOf);
    Map<List<Object>, List<Integer>> sourcesByKey = new LinkedHashMap<>();
    for (int j = 0; j < source.size(); j++) {
      List<Object> key = key(source.get(j), m.on());
      if (key != null) {
        sourcesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(j);
      }
    }
    List<Target> targets = new ArrayList<>();
    for (DataFile f : live) {
      for (Row r : files.rows(f)) {
        List<Object> key = key(r, m.on());
        targets.add(new Target(f, r, key == null ? List.of() : sourcesByKey.getOrDefault(key, List.of())));
      }
    }
    boolean[] sourceMatched = new boolean[source.size()];
    int[] targetsPerSource = new int[source.size()];
    for (Target t : targets) {
      t.sources().forEach(j -> {
        sourceMatched[j] = true;
        targetsPerSource[j]++;
      });
    }
    List<DataFile> removes = new ArrayList<>();
    List<Row> written = new ArrayList<>();
    if (m.whenMatched() != WhenMatched.NOTHING) {
      checkMatches(m, source, targets, targetsPerSource);
      List<DataFile> touched = targets.stream().filter(t -> !t.sources().isEmpty()).map(Target::file).distinct().toList();
      removes.addAll(touched);
      for (Target t : targets) {
        if (!touched.contains(t.file())) {
          continue;
        }
        if (t.sources().isEmpty()) {
          written.add(t.row());
        } else if (m.whenMatched() == WhenMatched.UPDATE) {
          t.sources().forEach(j -> written.add(source.get(j)));
        }
      }
    }
    if (m.insertWhenNotMatched()) {
      for (int j = 0; j < source.size(); j++) {
        if (!sourceMatched[j]) {
          written.add(source.get(j));
        }
      }
    }
    return new Plan("MERGE", newFiles(written), removes, Predicate.all());
  }

  /** A target row, its file, and the source rows whose keys equal its own. */
  record Target(DataFile file, Row row, List<Integer> sources) {}

  /** Refuses a MERGE in which some row would be changed twice or by two rows (SQL's cardinality rule). */
  protected void checkMatches(TableOperation.Merge m, List<Row> source, List<Target> targets, int[] targetsPerSource)
      throws TableException {
    for (int j = 0; j < source.size(); j++) {
      if (targetsPerSource[j] > 1) {
        throw new TableException(Problem.MERGE_AMBIGUOUS, table, "MERGE source record " + (j + 1) + " " + source.get(j)
            + " matches " + targetsPerSource[j] + " target rows on " + m.on() + "; nothing written");
      }
    }
    for (Target t : targets) {
      if (t.sources().size() > 1) {
        throw new TableException(Problem.MERGE_AMBIGUOUS, table, "target row " + t.row() + " is matched by MERGE source records "
            + t.sources().stream().map(j -> j + 1).toList() + " on " + m.on() + "; nothing written");
      }
    }
  }

  /** The match key, or null when a key column is null (null never equals anything in SQL). */
  private List<Object> key(Row row, List<String> on) {
    List<Object> key = new ArrayList<>();
    for (String c : on) {
      Object v = row.get(schema.indexOf(c));
      if (v == null) {
        return null;
      }
      key.add(v);
    }
    return key;
  }

  /** The records, each checked against the schema; the first bad one fails the write, named with its field. */
  protected List<Row> checked(List<Row> rows, String what) throws TableException {
    return schema.checkRecords(table, what, rows, null);
  }

  protected TableSchema schema() { return schema; }

  /** One new file per partition the rows fall in. */
  private List<Plan.NewFile> newFiles(List<Row> rows) {
    Map<Map<String, Object>, List<Row>> byPartition = new LinkedHashMap<>();
    rows.forEach(r -> byPartition.computeIfAbsent(schema.partitionOf(r), p -> new ArrayList<>()).add(r));
    List<Plan.NewFile> files = new ArrayList<>();
    byPartition.forEach((partition, part) -> files.add(new Plan.NewFile(
        new DataFile(directory(partition) + "part-" + UUID.randomUUID() + ".jsonl", partition, part.size()), part)));
    return files;
  }

  /** Hive's layout: {@code region=eu/}; values URL-encoded so any string makes a valid path component. */
  private static String directory(Map<String, Object> partition) {
    StringBuilder b = new StringBuilder();
    partition.forEach((k, v) -> b.append(k).append('=')
        .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8).replace(".", "%2E")).append('/'));
    return b.toString();
  }
}
