package org.bigdatalab.table.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bigdatalab.property.ActionSequence;
import org.bigdatalab.property.ActionSequenceArbitrary;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.table.Column;
import org.bigdatalab.table.ColumnType;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableOperation.WhenMatched;
import org.bigdatalab.table.TableSchema;

/**
 * Generators over one small table shape, {@code (id LONG NOT NULL, region STRING NOT NULL,
 * amount LONG)}, partitioned by region or not. Values come from tiny domains (ids 0-4, three
 * regions) so that writes collide: MERGE keys repeat, deletes hit rows, racing writers touch the
 * same partition.
 */
public final class TableGenerators {
  private TableGenerators() {}

  static final List<Column> COLUMNS = List.of(Column.required("id", ColumnType.LONG),
      Column.required("region", ColumnType.STRING), Column.optional("amount", ColumnType.LONG));
  public static final TableSchema PARTITIONED = new TableSchema(COLUMNS, List.of("region"));
  public static final TableSchema UNPARTITIONED = new TableSchema(COLUMNS, List.of());
  static final List<String> REGIONS = List.of("eu", "us", "ap");

  /** Which steps a scenario may draw. */
  enum StepKind { WRITE, CRASH, RACE, TICK, PIN, VACUUM }

  /** A generated scenario: the table's shape and its steps. */
  record Scenario(boolean partitioned, ActionSequence<TableStep> steps) {
    TableSchema schema() { return partitioned ? PARTITIONED : UNPARTITIONED; }
    @Override public String toString() { return (partitioned ? "partitioned by region: " : "unpartitioned: ") + steps; }
  }

  static Arbitrary<String> regions() { return Arbitraries.of(REGIONS); }

  static Arbitrary<Row> rows(Arbitrary<String> region) {
    Arbitrary<Long> amount = Arbitraries.oneOf(Arbitraries.just((Long) null), Arbitraries.longs().between(0, 9));
    return Combinators.combine(Arbitraries.longs().between(0, 4), region, amount).as(Row::of);
  }

  static Arbitrary<List<Row>> rowLists(Arbitrary<String> region, int max) {
    return rows(region).list().ofMaxSize(max);
  }

  static Arbitrary<TableOperation> appends() {
    return rowLists(regions(), 3).map(TableOperation.Append::new);
  }

  static Arbitrary<TableOperation> overwrites(TableSchema schema) {
    return regions().flatMap(r -> rowLists(schema.isPartitioned() ? Arbitraries.just(r) : regions(), 3)
        .map(rows -> new TableOperation.OverwritePartition(schema.isPartitioned() ? Map.of("region", r) : Map.of(), rows)));
  }

  static Arbitrary<Predicate> predicates() {
    Arbitrary<Long> ids = Arbitraries.longs().between(0, 4);
    return Arbitraries.oneOf(
        regions().map(r -> Predicate.eq("region", r)),
        ids.map(id -> Predicate.eq("id", id)),
        ids.set().ofMinSize(1).ofMaxSize(3).map(s -> Predicate.in("id", s)),
        Combinators.combine(regions(), ids).as((r, id) -> Predicate.eq("region", r).and(Predicate.eq("id", id))));
  }

  /** Predicates a scan can prune with: on the partition column, perhaps with a condition on another. */
  static Arbitrary<Predicate> partitionPredicates() {
    return Arbitraries.oneOf(
        regions().map(r -> Predicate.eq("region", r)),
        regions().set().ofMinSize(1).ofMaxSize(2).map(s -> Predicate.in("region", Set.copyOf(s))),
        Combinators.combine(regions(), Arbitraries.longs().between(0, 4))
            .as((r, id) -> Predicate.eq("region", r).and(Predicate.eq("id", id))));
  }

  static Arbitrary<TableOperation> deletes() {
    return predicates().map(TableOperation.Delete::new);
  }

  static Arbitrary<TableOperation> merges() {
    Arbitrary<List<String>> on = Arbitraries.of(List.of("id"), List.of("id", "region"));
    return Combinators.combine(rowLists(regions(), 3), on, Arbitraries.of(WhenMatched.class), Arbitraries.booleans())
        .as(TableOperation.Merge::new);
  }

  static Arbitrary<TableOperation> operations(TableSchema schema, boolean withMerges) {
    List<Arbitrary<? extends TableOperation>> ops = new ArrayList<>(List.of(appends(), overwrites(schema), deletes()));
    if (withMerges) {
      ops.add(merges());
    }
    return Arbitraries.oneOf(ops);
  }

  /** Scenarios of up to {@code maxSteps} steps of the given kinds, on a partitioned table or not. */
  static Arbitrary<Scenario> scenarios(Set<StepKind> kinds, boolean withMerges, int maxSteps, Boolean partitioned) {
    Arbitrary<Boolean> shapes = partitioned == null ? Arbitraries.booleans() : Arbitraries.just(partitioned);
    return shapes.flatMap(p -> steps(p ? PARTITIONED : UNPARTITIONED, kinds, withMerges, maxSteps)
        .map(steps -> new Scenario(p, steps)));
  }

  private static ActionSequenceArbitrary<Integer, TableStep> steps(TableSchema schema, Set<StepKind> kinds,
                                                                  boolean withMerges, int maxSteps) {
    Arbitrary<TableOperation> ops = operations(schema, withMerges);
    Map<StepKind, Arbitrary<? extends TableStep>> byKind = new LinkedHashMap<>();
    byKind.put(StepKind.WRITE, ops.map(TableStep.Write::new));
    byKind.put(StepKind.CRASH, Combinators.combine(ops, Arbitraries.integers().between(0, 4)).as(TableStep.Crash::new));
    byKind.put(StepKind.RACE, Combinators.combine(ops, ops, Arbitraries.booleans()).as(TableStep.Race::new));
    byKind.put(StepKind.TICK, Arbitraries.integers().between(1, 5).map(TableStep.Tick::new));
    byKind.put(StepKind.PIN, Arbitraries.just(new TableStep.Pin()));
    byKind.put(StepKind.VACUUM, Arbitraries.integers().between(0, 8).map(TableStep.Vacuum::new));
    List<Arbitrary<? extends TableStep>> allowed = new ArrayList<>();
    byKind.forEach((k, a) -> {
      if (kinds.contains(k)) {
        allowed.add(a);
      }
    });
    Arbitrary<TableStep> step = Arbitraries.oneOf(allowed);
    return Arbitraries.sequences(new ActionSequenceArbitrary.Model<Integer, TableStep>() {
      @Override public Integer initial() { return 0; }
      @Override public Arbitrary<? extends TableStep> actions(Integer state) { return step; }
      @Override public Integer next(Integer state, TableStep action) { return state + 1; }
    }).ofMaxSize(maxSteps);
  }

  /** A defect that makes a record break the schema, and the field the error must name. */
  record Defect(String field, String what) {
    Row apply(Row row) {
      return switch (what) {
        case "string in a LONG column" -> row.with(2, "x");
        case "int, not long" -> row.with(0, ((Long) row.get(0)).intValue());
        case "null id" -> row.with(0, null);
        case "null partition value" -> row.with(1, null);
        default -> new Row(row.values().subList(0, 2));
      };
    }
  }

  static Arbitrary<Defect> defects() {
    return Arbitraries.of(new Defect("amount", "string in a LONG column"), new Defect("id", "int, not long"),
        new Defect("id", "null id"), new Defect("region", "null partition value"), new Defect("(row)", "a field missing"));
  }
}
