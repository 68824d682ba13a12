package org.bigdatalab.table.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.table.TableClauses.COMMIT_ATOMIC;
import static org.bigdatalab.table.TableClauses.COMMIT_CONFLICT;
import static org.bigdatalab.table.TableClauses.MERGE_UPSERT;
import static org.bigdatalab.table.TableClauses.PARTITION_PRUNING;
import static org.bigdatalab.table.TableClauses.SCHEMA_ENFORCED;
import static org.bigdatalab.table.TableClauses.SNAPSHOT_ISOLATION;
import static org.bigdatalab.table.TableClauses.TIME_TRAVEL;
import static org.bigdatalab.table.TableClauses.VACUUM_RETENTION;
import static org.bigdatalab.table.spec.TableGenerators.StepKind.CRASH;
import static org.bigdatalab.table.spec.TableGenerators.StepKind.PIN;
import static org.bigdatalab.table.spec.TableGenerators.StepKind.RACE;
import static org.bigdatalab.table.spec.TableGenerators.StepKind.TICK;
import static org.bigdatalab.table.spec.TableGenerators.StepKind.VACUUM;
import static org.bigdatalab.table.spec.TableGenerators.StepKind.WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.property.Example;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.suite.ConformanceSuite;
import org.bigdatalab.suite.EngineUnderTest;
import org.bigdatalab.suite.Verifies;
import org.bigdatalab.table.DataFile;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.ReadAt;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.ScanResult;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableOperation.WhenMatched;
import org.bigdatalab.table.TableSchema;
import org.bigdatalab.table.spec.TableGenerators.Defect;
import org.bigdatalab.table.spec.TableGenerators.Scenario;

/**
 * The table-format spec: one property (and a pinned example or two) per clause of
 * {@link org.bigdatalab.table.TableClauses}. Every case creates a fresh table and runs generated
 * steps on it and on {@link TableModel} (see {@link TableRun}): writes, writes whose writer
 * crashes at a generated point, two writers racing from one version (prepared, then committed in
 * a generated order: a deterministic interleaving), readers pinned to a version, ticks of a
 * scripted clock, and vacuums. A failure shrinks to the shortest step list that still fails.
 *
 * <p>What passing does not prove: atomicity against a crash of the storage itself (only the
 * writer crashes here), concurrency of more than two writers or of writers in separate processes
 * (the races are interleaved in one thread), or anything about speed.
 */
public abstract class TableSpec extends ConformanceSuite<TableEngine> {

  /** The suite for an engine lent by {@link org.bigdatalab.suite.matrix.ConformanceRunner}. */
  public static class Selected extends TableSpec {
    @Override protected TableEngine createEngine() { return (TableEngine) EngineUnderTest.current(); }
    @Override protected boolean ownsEngine() { return false; }
  }

  private TableRun run(Scenario scenario) throws Exception {
    return new TableRun(engine(), scenario.schema());
  }

  // commit.atomic -------------------------------------------------------------------------------

  @Provide Arbitrary<Scenario> crashingWriters() { return TableGenerators.scenarios(Set.of(WRITE, CRASH), true, 8, null); }

  /** After every write, crashed or not, the latest version is the model's and has exactly its rows. */
  @Property
  @Verifies(COMMIT_ATOMIC)
  void required_table_commit_atomic(@ForAll("crashingWriters") Scenario scenario) throws Exception {
    TableRun run = run(scenario);
    for (TableStep step : scenario.steps().steps()) {
      run.step(step);
      run.checkLatest("after a write");
    }
  }

  // commit.conflict -----------------------------------------------------------------------------

  @Provide Arbitrary<Scenario> racingWriters() { return TableGenerators.scenarios(Set.of(WRITE, RACE), true, 6, null); }

  /** Of two writers racing from one version, the first to commit wins; the table is the serial result of the commits that succeeded. */
  @Property
  @Verifies(COMMIT_CONFLICT)
  void required_table_commit_conflict(@ForAll("racingWriters") Scenario scenario) throws Exception {
    TableRun run = run(scenario);
    for (TableStep step : scenario.steps().steps()) {
      run.step(step);
      run.checkLatest("after the commits");
    }
  }

  /** Pinned: two writers delete different rows of the same file; the loser must not bring back the winner's row. */
  @Example
  @Verifies(COMMIT_CONFLICT)
  void required_table_commit_conflict_noResurrectedRow() throws Exception {
    TableRun run = new TableRun(engine(), TableGenerators.UNPARTITIONED);
    run.write(new TableOperation.Append(List.of(Row.of(1L, "eu", 1L), Row.of(2L, "eu", 2L))));
    run.step(new TableStep.Race(new TableOperation.Delete(Predicate.eq("id", 1L)),
        new TableOperation.Delete(Predicate.eq("id", 2L)), true));
    run.checkLatest("after two racing deletes");
  }

  // snapshot-isolation --------------------------------------------------------------------------

  @Provide Arbitrary<Scenario> pinnedReaders() {
    return TableGenerators.scenarios(Set.of(WRITE, CRASH, RACE, PIN), true, 8, null);
  }

  /** Every pinned reader reads exactly its version after every later step. */
  @Property
  @Verifies(SNAPSHOT_ISOLATION)
  void required_table_snapshot_isolation(@ForAll("pinnedReaders") Scenario scenario) throws Exception {
    TableRun run = run(scenario);
    for (TableStep step : scenario.steps().steps()) {
      run.step(step);
      run.checkPins();
    }
  }

  // time-travel ---------------------------------------------------------------------------------

  @Provide Arbitrary<Scenario> histories() { return TableGenerators.scenarios(Set.of(WRITE, CRASH, TICK), true, 8, null); }

  /** Every version, and the version at every commit time (and half a second later), reads as the model's. */
  @Property
  @Verifies(TIME_TRAVEL)
  void required_table_time_travel(@ForAll("histories") Scenario scenario) throws Exception {
    TableRun run = run(scenario);
    for (TableStep step : scenario.steps().steps()) {
      run.step(step);
    }
    run.checkVersions();
    run.checkTimestamps();
  }

  // merge.upsert --------------------------------------------------------------------------------

  @Provide Arbitrary<Scenario> mergeScenarios() {
    Arbitrary<Scenario> writes = TableGenerators.scenarios(Set.of(WRITE), true, 4, null);
    return Combinators.combine(writes, TableGenerators.merges().list().ofMinSize(1).ofMaxSize(2)).as((s, merges) -> {
      List<TableStep> steps = new ArrayList<>(s.steps().steps());
      merges.forEach(m -> steps.add(new TableStep.Write(m)));
      return new Scenario(s.partitioned(), new org.bigdatalab.property.ActionSequence<>(steps));
    });
  }

  /** MERGE after generated writes gives the model's rows, or fails MERGE_AMBIGUOUS with nothing written. */
  @Property
  @Verifies(MERGE_UPSERT)
  void required_table_merge_upsert(@ForAll("mergeScenarios") Scenario scenario) throws Exception {
    TableRun run = run(scenario);
    for (TableStep step : scenario.steps().steps()) {
      run.step(step);
      run.checkLatest("after the write");
    }
  }

  /** Pinned: the seed's upsert, and the same source with a duplicate key refused whole. */
  @Example
  @Verifies(MERGE_UPSERT)
  void required_table_merge_upsert_seedExample() throws Exception {
    TableRun run = new TableRun(engine(), TableGenerators.PARTITIONED);
    run.write(new TableOperation.Append(List.of(Row.of(1L, "eu", 5L), Row.of(2L, "us", 7L))));
    List<Row> source = List.of(Row.of(2L, "us", 8L), Row.of(3L, "ap", 1L));
    run.write(new TableOperation.Merge(source, List.of("id"), WhenMatched.UPDATE, true));
    run.checkLatest("after the upsert");
    assertThat(TableModel.sorted(run.current())).containsExactly(Row.of(1L, "eu", 5L), Row.of(2L, "us", 8L), Row.of(3L, "ap", 1L));
    List<Row> twice = List.of(Row.of(2L, "us", 9L), Row.of(2L, "us", 10L));
    run.assertProblem(() -> run.table().write(new TableOperation.Merge(twice, List.of("id"), WhenMatched.UPDATE, true)),
        Problem.MERGE_AMBIGUOUS, "two source rows for one target row");
    run.checkLatest("after the refused MERGE");
  }

  // partition-pruning ---------------------------------------------------------------------------

  @Provide Arbitrary<Scenario> partitionedWrites() { return TableGenerators.scenarios(Set.of(WRITE), false, 6, true); }
  @Provide Arbitrary<Predicate> partitionPredicates() { return TableGenerators.partitionPredicates(); }

  /** A scan on the partition column returns the model's matching rows and opens no file of another partition. */
  @Property
  @Verifies(PARTITION_PRUNING)
  void required_table_partition_pruning(@ForAll("partitionedWrites") Scenario scenario,
                                         @ForAll("partitionPredicates") Predicate where) throws Exception {
    TableRun run = run(scenario);
    for (TableStep step : scenario.steps().steps()) {
      run.step(step);
    }
    ScanResult scan = run.table().snapshot(ReadAt.latest()).scan(where);
    TableSchema schema = scenario.schema();
    assertThat(TableModel.sorted(scan.rows())).as("rows where %s, %s", where, run.context())
        .isEqualTo(TableModel.sorted(run.current().stream().filter(r -> where.test(schema, r)).toList()));
    for (DataFile f : scan.filesOpened()) {
      assertThat(where.mayMatch(f.partition())).as("scan where %s opened %s of partition %s, %s", where, f.path(),
          f.partition(), run.context()).isTrue();
    }
  }

  // vacuum.retention ----------------------------------------------------------------------------

  @Provide Arbitrary<Scenario> vacuums() { return TableGenerators.scenarios(Set.of(WRITE, TICK, VACUUM), true, 10, null); }

  /** After every vacuum, each version inside the retention reads as the model's; older ones read exactly or fail VERSION_EXPIRED. */
  @Property
  @Verifies(VACUUM_RETENTION)
  void required_table_vacuum_retention(@ForAll("vacuums") Scenario scenario) throws Exception {
    TableRun run = run(scenario);
    for (TableStep step : scenario.steps().steps()) {
      run.step(step);
      if (step instanceof TableStep.Vacuum) {
        run.checkVersions();
      }
    }
    run.write(new TableOperation.Append(List.of(Row.of(0L, "eu", 0L))));
    run.checkVersions();
  }

  // schema.enforced -----------------------------------------------------------------------------

  /** A write with one bad record among good ones. */
  record BadWrite(boolean partitioned, List<Row> before, TableOperation write, int badRecord, Defect defect) {}

  @Provide Arbitrary<BadWrite> badWrites() {
    Arbitrary<List<Row>> good = TableGenerators.rowLists(Arbitraries.just("eu"), 3);
    return Combinators.combine(Arbitraries.booleans(), TableGenerators.rowLists(TableGenerators.regions(), 3),
        good, Arbitraries.integers().between(0, 3), TableGenerators.defects(), Arbitraries.integers().between(0, 2))
        .as((partitioned, before, rows, at, defect, kind) -> {
          List<Row> records = new ArrayList<>(rows);
          int bad = Math.min(at, records.size());
          records.add(bad, defect.apply(Row.of(4L, "eu", 1L)));
          TableOperation write = switch (kind) {
            case 0 -> new TableOperation.Append(records);
            case 1 -> new TableOperation.OverwritePartition(partitioned ? Map.of("region", "eu") : Map.of(), records);
            default -> new TableOperation.Merge(records, List.of("id"), WhenMatched.UPDATE, true);
          };
          return new BadWrite(partitioned, before, write, bad + 1, defect);
        });
  }

  /** Schema on write: the write fails whole, naming the record and the field; schema on read: the field reads as null and is counted. */
  @Property
  @Verifies(SCHEMA_ENFORCED)
  void required_table_schema_enforced(@ForAll("badWrites") BadWrite bad) throws Exception {
    TableRun run = new TableRun(engine(), bad.partitioned() ? TableGenerators.PARTITIONED : TableGenerators.UNPARTITIONED);
    run.write(new TableOperation.Append(bad.before()));
    if (engine().schemaMode() == TableEngine.SchemaMode.ON_READ) {
      run.table().write(bad.write());
      ScanResult read = run.table().snapshot(ReadAt.latest()).read();
      assertThat(read.nulledFields()).as("fields read back as null after %s", bad.write()).isPositive();
      return;
    }
    try {
      run.table().write(bad.write());
    } catch (TableException e) {
      assertThat(e.problem()).as("problem of %s", e.getMessage()).isEqualTo(Problem.SCHEMA_VIOLATION);
      assertThat(e.getMessage()).as("the error names the record").contains("record " + bad.badRecord() + " ");
      assertThat(e.getMessage()).as("the error names the field").contains(bad.defect().field());
      run.checkLatest("after the refused write");
      return;
    }
    throw new AssertionError("a write with a bad record (" + bad.defect().what() + " at record " + bad.badRecord()
        + ") committed: " + bad.write());
  }
}
