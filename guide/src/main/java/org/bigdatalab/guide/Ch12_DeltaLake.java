package org.bigdatalab.guide;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bigdatalab.table.Column;
import org.bigdatalab.table.ColumnType;
import org.bigdatalab.table.CommitInfo;
import org.bigdatalab.table.ReadAt;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableOperation.WhenMatched;
import org.bigdatalab.table.TableSchema;

/*
 * Why: the seed's Delta example writes a partitioned table, upserts with MERGE, reads old versions
 * and vacuums. Its MERGE inserts new events with four columns only, so every inserted row has no
 * status and no updated_at: the rows the upsert was for are the ones it leaves incomplete. And its
 * vacuum is where time travel ends, which the example does not show.
 *
 * How: on real Delta Lake (the delta engine, in a JVM of its own with its module's jars), the
 * seed's steps through the table SPI: a partitioned write, the seed's MERGE and the corrected one
 * side by side, a read by version and one by timestamp (the commit time Delta recorded), then an
 * overwrite and two vacuums, the second with no retention.
 */
public final class Ch12_DeltaLake {
  static final String ENGINE = "delta";

  private Ch12_DeltaLake() {}

  static final TableSchema USER_EVENTS = new TableSchema(List.of(
      Column.required("event_id", ColumnType.LONG), Column.required("user_id", ColumnType.LONG),
      Column.required("event_type", ColumnType.STRING), Column.required("event_date", ColumnType.STRING),
      Column.optional("status", ColumnType.STRING), Column.optional("updated_at", ColumnType.STRING)),
      List.of("event_date"));

  static final List<Row> FIRST_LOAD = List.of(
      Row.of(1L, 10L, "purchase", "2024-01-15", "placed", "2024-01-15T09:00"),
      Row.of(2L, 11L, "purchase", "2024-01-15", "placed", "2024-01-15T09:30"));

  // tag::merge[]
  /** The updates feed: event 2 changed its status, event 3 is new. */
  static final List<Row> UPDATES = List.of(
      Row.of(2L, 11L, "purchase", "2024-01-15", "shipped", null),
      Row.of(3L, 12L, "purchase", "2024-01-16", "placed", null));

  /** The seed's MERGE: matched rows get status and updated_at, but inserted rows only the four event columns. */
  static TableOperation seedMerge(List<Row> target, String now) {
    List<Row> source = new ArrayList<>();
    for (Row u : UPDATES) {
      boolean matched = target.stream().anyMatch(t -> t.get(0).equals(u.get(0)));
      source.add(matched ? u.with(5, now) : u.with(4, null).with(5, null));
    }
    return new TableOperation.Merge(source, List.of("event_id"), WhenMatched.UPDATE, true);
  }

  /** Corrected: every source row carries status and updated_at, so an insert is as complete as an update. */
  static TableOperation correctedMerge(String now) {
    return new TableOperation.Merge(UPDATES.stream().map(u -> u.with(5, now)).toList(), List.of("event_id"),
        WhenMatched.UPDATE, true);
  }
  // end::merge[]

  static List<Row> rows(Table t, ReadAt at) throws TableException {
    return t.snapshot(at).read().rows().stream().sorted(Comparator.comparing(r -> (Long) r.get(0))).toList();
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    String now = "2024-01-16T10:00";
    try (TableEngine delta = GuideEngines.create(ENGINE, TableEngine.class)) {
      out.println("engine: " + delta.info().displayName());
      Table seed = delta.create("seed_events", USER_EVENTS, Clock.systemUTC());
      seed.write(new TableOperation.Append(FIRST_LOAD));
      seed.write(seedMerge(FIRST_LOAD, now));
      out.println("the seed's MERGE, event 3 as inserted: " + rows(seed, ReadAt.latest()).get(2));

      // tag::travel[]
      Table events = delta.create("user_events", USER_EVENTS, Clock.systemUTC());
      long v1 = events.write(new TableOperation.Append(FIRST_LOAD));
      long v2 = events.write(correctedMerge(now));
      out.println("corrected MERGE, version " + v2 + ":");
      rows(events, ReadAt.latest()).forEach(r -> out.println("  " + r));
      out.println("VERSION AS OF " + v1 + ": " + rows(events, ReadAt.version(v1)));
      CommitInfo first = events.history().get((int) v1);
      out.printf("TIMESTAMP AS OF the commit time of version %d reads version %d%n", v1,
          events.snapshot(ReadAt.timestamp(first.timestamp())).version());
      // end::travel[]

      // tag::vacuum[]
      long v3 = events.write(new TableOperation.OverwritePartition(Map.of("event_date", "2024-01-15"),
          List.of(Row.of(1L, 10L, "purchase", "2024-01-15", "refunded", now))));
      out.printf("version %d overwrote partition 2024-01-15%n", v3);
      out.printf("VACUUM RETAIN 1 HOUR deleted %d files; version %d still reads %d rows%n",
          events.vacuum(Duration.ofHours(1)).deletedFiles().size(), v1, rows(events, ReadAt.version(v1)).size());
      out.printf("VACUUM RETAIN 0 HOURS deleted files: %s%n", !events.vacuum(Duration.ZERO).deletedFiles().isEmpty());
      try {
        rows(events, ReadAt.version(v1));
        out.println("version " + v1 + " still reads");
      } catch (TableException e) {
        out.printf("VERSION AS OF %d now fails: %s%n", v1, e.problem());
      }
      out.println("latest: " + rows(events, ReadAt.latest()));
      // end::vacuum[]
    }
  }
}

/*
 * How to run it, from the repository root (Delta's class path comes from its module):
tag::run[]
./mvnw -q -B install -DskipTests
java -cp "engines-dataflow/delta/target/classes:$(cat engines-dataflow/delta/target/lab-engine.classpath):guide/target/classes:$(cat benchmarks/lab/target/lab.classpath)" \
  org.bigdatalab.guide.Ch12_DeltaLake
end::run[]
 */
