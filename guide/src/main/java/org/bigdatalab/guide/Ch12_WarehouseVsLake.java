package org.bigdatalab.guide;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableOperation;

/*
 * Why: the seed's table says a warehouse has a schema on write and a lake a schema on read, as if
 * that were a matter of taste. The difference is when a bad record is found. A schema on write finds
 * it at load, names it, and loads nothing; a schema on read loads anything and finds it when a query
 * reads the field: later, by someone else, possibly as a silent null.
 *
 * How: chapter 12's landed lines go to a typed table (the warehouse: table-log checks each record
 * against the schema) and to a table of raw lines (the lake). Then one query, revenue per day, runs
 * on each: strictly (fail at the first bad field) and Hive-style (bad fields read as null, counted).
 */
public final class Ch12_WarehouseVsLake {
  private Ch12_WarehouseVsLake() {}

  /** What a load did: the rows it stored, or the error it stopped with. */
  record Load(long rows, String error) {}

  // tag::write[]
  /** Schema on write: every landed line is typed before the load; one bad record refuses the batch. */
  static Load warehouse(Table typed) throws TableException {
    List<Row> rows = new ArrayList<>();
    for (String line : Ch12_Medallion.LANDED) {
      String[] f = line.split(",", -1);
      // typing is the loader's job; what it cannot type it passes on as text, and the table's schema refuses it
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String v = i < f.length ? f[i] : null;
        values.add(i == 2 || i == 3 ? v : v == null || v.isEmpty() ? null : v.matches("-?\\d+") ? (Object) Long.parseLong(v) : v);
      }
      rows.add(new Row(values));
    }
    try {
      typed.write(new TableOperation.Append(rows));
    } catch (TableException e) {
      return new Load(typed.snapshot(org.bigdatalab.table.ReadAt.latest()).read().rows().size(), e.getMessage());
    }
    return new Load(rows.size(), null);
  }
  // end::write[]

  // tag::read[]
  /** Schema on read, strict: revenue of purchases, failing at the first field that does not parse. */
  static long revenueStrict(List<Row> rawLines) {
    long revenue = 0;
    for (Row r : rawLines) {
      Row event;
      try {
        event = Ch12_Medallion.parse((String) r.get(1));
      } catch (IllegalArgumentException e) {   // found now, at query time, by whoever runs the query
        throw new IllegalArgumentException("line " + r.get(0) + ": " + e.getMessage(), e);
      }
      revenue += event.get(2).equals("purchase") ? (Long) event.get(4) : 0;
    }
    return revenue;
  }

  /** Schema on read, Hive-style: a field that does not parse reads as null (counted here; Hive does not count). */
  static long[] revenueLenient(List<Row> rawLines) {
    long revenue = 0;
    long nulls = 0;
    for (Row r : rawLines) {
      String[] f = ((String) r.get(1)).split(",", -1);
      Long amount = f.length > 4 && f[4].matches("-?\\d+") ? Long.valueOf(f[4]) : null;
      if (amount == null) {
        nulls++;
      } else if (f[2].equals("purchase")) {
        revenue += amount;
      }
    }
    return new long[] {revenue, nulls};
  }
  // end::read[]

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    try (TableEngine engine = GuideEngines.create(Ch12_Medallion.ENGINE, TableEngine.class)) {
      Table typed = engine.create("warehouse_events", Ch12_Medallion.SILVER, Clock.systemUTC());
      Load load = warehouse(typed);
      out.printf("warehouse load: %d rows stored; error at load: %s%n", load.rows(), load.error());

      Ch12_Medallion.Lake lake = Ch12_Medallion.Lake.create(engine, "lake_");
      lake.bronze().write(new TableOperation.Append(rawLines()));
      List<Row> raw = Ch12_Medallion.rows(lake.bronze());
      out.printf("lake load: %d raw lines stored; error at load: none%n", raw.size());
      try {
        out.printf("lake query, strict: revenue %d%n", revenueStrict(raw));
      } catch (IllegalArgumentException e) {
        out.printf("lake query, strict: fails at query time: %s%n", e.getMessage());
      }
      long[] lenient = revenueLenient(raw);
      out.printf("lake query, Hive-style: revenue %d, with %d amount(s) read as null%n", lenient[0], lenient[1]);
    }
  }

  static List<Row> rawLines() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < Ch12_Medallion.LANDED.size(); i++) {
      rows.add(Row.of((long) i + 1, Ch12_Medallion.LANDED.get(i)));
    }
    return rows;
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch12_WarehouseVsLake
end::run[]
 */
