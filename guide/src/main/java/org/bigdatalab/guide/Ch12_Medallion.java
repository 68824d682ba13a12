package org.bigdatalab.guide;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bigdatalab.table.Column;
import org.bigdatalab.table.ColumnType;
import org.bigdatalab.table.ReadAt;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableOperation.WhenMatched;
import org.bigdatalab.table.TableSchema;

/*
 * Why: the seed draws bronze, silver and gold as boxes. What makes them layers is what each one
 * promises: bronze keeps every landed line exactly as it came (so any later step can be rerun from
 * it), silver holds only records that passed validation and sets the others aside with the reason,
 * counted, and gold holds aggregates rebuilt from silver. A rerun must not change any of them.
 *
 * How: eight landed CSV lines, three of them bad, go through the three layers on table-log (our
 * reference table format). Silver is written by MERGE on event_id and gold by overwriting each
 * day's partition, so the second run of the same landing leaves both exactly as they were.
 */
public final class Ch12_Medallion {
  static final String ENGINE = "table-log";

  private Ch12_Medallion() {}

  // tag::landed[]
  /** One landed file, as it arrived: event_id,user_id,event_type,event_date,amount. */
  static final List<String> LANDED = List.of(
      "1,10,view,2024-01-15,0",
      "2,10,purchase,2024-01-15,30",
      "3,11,purchase,2024-01-15,x",
      "4,12,view,2024-01-16,0",
      "5,,view,2024-01-16,0",
      "6,11,purchase,2024-01-16,12",
      "7,12,purchase,2024-01-16,25",
      "8,13,refund,2024-01-16");
  // end::landed[]

  static final TableSchema BRONZE = new TableSchema(List.of(Column.required("line", ColumnType.LONG),
      Column.required("raw", ColumnType.STRING)), List.of());
  static final TableSchema SILVER = new TableSchema(List.of(Column.required("event_id", ColumnType.LONG),
      Column.required("user_id", ColumnType.LONG), Column.required("event_type", ColumnType.STRING),
      Column.required("event_date", ColumnType.STRING), Column.required("amount", ColumnType.LONG)), List.of("event_date"));
  static final TableSchema QUARANTINE = new TableSchema(List.of(Column.required("line", ColumnType.LONG),
      Column.required("raw", ColumnType.STRING), Column.required("problem", ColumnType.STRING)), List.of());
  static final TableSchema GOLD = new TableSchema(List.of(Column.required("event_date", ColumnType.STRING),
      Column.required("events", ColumnType.LONG), Column.required("purchases", ColumnType.LONG),
      Column.required("revenue", ColumnType.LONG)), List.of("event_date"));

  // tag::validate[]
  /** A landed line as a silver row, or an exception naming the field that is wrong. */
  static Row parse(String raw) {
    String[] f = raw.split(",", -1);
    if (f.length != 5) {
      throw new IllegalArgumentException("(row): expected 5 fields, got " + f.length);
    }
    if (!List.of("view", "purchase", "refund").contains(f[2])) {
      throw new IllegalArgumentException("event_type: unknown \"" + f[2] + "\"");
    }
    if (!f[3].matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw new IllegalArgumentException("event_date: not a date \"" + f[3] + "\"");
    }
    return Row.of(number("event_id", f[0]), number("user_id", f[1]), f[2], f[3], number("amount", f[4]));
  }

  static long number(String field, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + ": not a whole number \"" + text + "\"");
    }
  }
  // end::validate[]

  /** The four tables of one lake. */
  record Lake(Table bronze, Table silver, Table quarantine, Table gold) {
    static Lake create(TableEngine engine, String prefix) throws Exception {
      Clock clock = Clock.systemUTC();
      return new Lake(engine.create(prefix + "bronze", BRONZE, clock), engine.create(prefix + "silver", SILVER, clock),
          engine.create(prefix + "quarantine", QUARANTINE, clock), engine.create(prefix + "gold", GOLD, clock));
    }
  }

  // tag::pipeline[]
  /** Lands the lines in bronze, then rebuilds silver, the quarantine and gold from all of bronze. */
  static void run(Lake lake, List<String> landed) throws Exception {
    List<Row> raw = new ArrayList<>();
    for (int i = 0; i < landed.size(); i++) {
      raw.add(Row.of((long) i + 1, landed.get(i)));
    }
    lake.bronze().write(new TableOperation.Merge(raw, List.of("line"), WhenMatched.NOTHING, true));

    List<Row> good = new ArrayList<>();
    List<Row> bad = new ArrayList<>();
    for (Row r : rows(lake.bronze())) {
      try {
        good.add(parse((String) r.get(1)));
      } catch (IllegalArgumentException e) {
        bad.add(Row.of(r.get(0), r.get(1), "line " + r.get(0) + ": " + e.getMessage()));
      }
    }
    lake.silver().write(new TableOperation.Merge(good, List.of("event_id"), WhenMatched.UPDATE, true));
    lake.quarantine().write(new TableOperation.Merge(bad, List.of("line"), WhenMatched.UPDATE, true));

    Map<String, long[]> byDay = new TreeMap<>();   // events, purchases, revenue
    for (Row r : rows(lake.silver())) {
      long[] day = byDay.computeIfAbsent((String) r.get(3), d -> new long[3]);
      day[0]++;
      if (r.get(2).equals("purchase")) {
        day[1]++;
        day[2] += (Long) r.get(4);
      }
    }
    for (Map.Entry<String, long[]> e : byDay.entrySet()) {
      long[] d = e.getValue();
      lake.gold().write(new TableOperation.OverwritePartition(Map.of("event_date", e.getKey()),
          List.of(Row.of(e.getKey(), d[0], d[1], d[2]))));
    }
  }
  // end::pipeline[]

  static List<Row> rows(Table table) throws Exception {
    return table.snapshot(ReadAt.latest()).read().rows().stream().sorted(java.util.Comparator.comparing(Row::toString)).toList();
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    try (TableEngine engine = GuideEngines.create(ENGINE, TableEngine.class)) {
      Lake lake = Lake.create(engine, "events_");
      run(lake, LANDED);
      out.printf("bronze: %d lines, as landed%n", rows(lake.bronze()).size());
      out.printf("silver: %d events%n", rows(lake.silver()).size());
      out.printf("quarantined: %d%n", rows(lake.quarantine()).size());
      for (Row r : rows(lake.quarantine())) {
        out.println("  " + r.get(2));
      }
      out.println("gold (event_date, events, purchases, revenue):");
      List<Row> gold = rows(lake.gold());
      gold.forEach(r -> out.println("  " + r));
      run(lake, LANDED);
      out.printf("after running the same landing again: silver %d events, quarantine %d, gold unchanged: %s%n",
          rows(lake.silver()).size(), rows(lake.quarantine()).size(), rows(lake.gold()).equals(gold));
    }
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch12_Medallion
end::run[]
 */
