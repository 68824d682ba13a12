package org.bigdatalab.guide;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/*
 * Why: the seed's ClickHouse section has a MergeTree table, a SummingMergeTree materialised view and
 * a "sub-second" p95 query. Two of its lines are wrong. The view keeps uniq(user_id) in a summing
 * table, so every merge adds distinct counts together and a user active in two inserts is counted
 * twice; nothing fails, the numbers are just too large. The query asks for quantile(0.95) of a
 * response_time column the table does not have, so it fails outright.
 *
 * How: ClickHouse is not installed on a fresh machine, so the SQL runs on DuckDB (embedded, one jar),
 * translated function by function; the seed's DDL is tried first and DuckDB's refusal printed. The
 * query is run as the seed wrote it (it fails on response_time), then on the table with the column it
 * needs. The MergeTree ideas (sorted parts, background merge, summing merge, a materialised view as an
 * incremental aggregate) run on Ch16_MergeTree, our own small reference, fed the same three inserts:
 * the seed's view overcounts users, the fixed one (a mergeable set of users per row, ClickHouse's
 * uniqState/uniqMerge) equals DuckDB's exact count(DISTINCT) in every row. The clock is fixed, so the
 * page is the same at every render.
 */
public final class Ch16_RealTimeAnalytics {
  static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 18, 0);
  static final LocalDateTime NOW = LocalDateTime.of(2024, 1, 2, 0, 0);   // the seed's now(), fixed
  static final int EVENTS_PER_INSERT = 4_000;
  static final int INSERTS = 3;
  static final int USERS = 300;
  static final List<String> TYPES = List.of("view", "click", "purchase");

  private Ch16_RealTimeAnalytics() {}

  /** One row of the seed's events table, with the response time its query needs. */
  public record Event(UUID id, long userId, String type, LocalDateTime time, String properties, int responseMs) {
    String csv() {
      return id + "," + userId + "," + type + "," + time + "," + properties + "," + responseMs;
    }
  }

  /** INSERTS blocks of events over six hours; each insert's events spread over all six hours, as batches from many producers are. */
  static List<List<Event>> inserts() {
    Random random = new Random(16);
    List<List<Event>> blocks = new ArrayList<>();
    for (int b = 0; b < INSERTS; b++) {
      List<Event> block = new ArrayList<>();
      for (int i = 0; i < EVENTS_PER_INSERT; i++) {
        String type = TYPES.get(random.nextInt(10) < 7 ? 0 : random.nextInt(10) < 7 ? 1 : 2);
        LocalDateTime time = START.plusSeconds(random.nextInt(6 * 3600));
        int response = (int) Math.round(Math.exp(3.5 + 0.6 * random.nextGaussian()));   // log-normal: a long tail
        block.add(new Event(new UUID(random.nextLong(), random.nextLong()), 1 + random.nextInt(USERS), type, time,
            "{}", response));
      }
      blocks.add(block);
    }
    return blocks;
  }

  // tag::seed-ddl[]
  static final String SEED_DDL = """
      CREATE TABLE events (
          event_id UUID, user_id UInt64, event_type String, timestamp DateTime, properties String,
          date Date MATERIALIZED toDate(timestamp)
      )
      ENGINE = MergeTree()
      PARTITION BY toYYYYMM(date)
      ORDER BY (user_id, timestamp)
      SETTINGS index_granularity = 8192""";

  /** The same table in DuckDB: no engines, no partitioning clause; a generated column for the date. */
  static final String DUCKDB_DDL = """
      CREATE TABLE events (
          event_id UUID, user_id UBIGINT, event_type VARCHAR, timestamp TIMESTAMP, properties VARCHAR,
          date DATE GENERATED ALWAYS AS (CAST(timestamp AS DATE))
      )""";
  // end::seed-ddl[]

  // tag::seed-query[]
  /** The seed's query in DuckDB's names: toStartOfHour -> date_trunc, uniq -> approx_count_distinct, quantile -> quantile_cont. */
  static String query(String responseColumn) {
    return """
        SELECT date_trunc('hour', timestamp) AS hour, event_type,
               count(*) AS events,
               approx_count_distinct(user_id) AS users,
               quantile_cont(%s, 0.95) AS p95_response
        FROM events
        WHERE timestamp >= TIMESTAMP '%s' - INTERVAL 24 HOUR
        GROUP BY hour, event_type
        ORDER BY hour DESC, events DESC""".formatted(responseColumn, NOW);
  }
  // end::seed-query[]

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** What the chapter reads from the run, for its tests. */
  public record Outcome(String seedDdlError, String seedQueryError, List<String> queryRows,
                        Map<String, Long> exactUsers, Map<String, Long> seedViewUsers, Map<String, Long> fixedViewUsers,
                        Map<String, Long> exactEvents, Map<String, Long> viewEvents, int viewRowsBeforeMerge,
                        int viewRowsAfterMerge, int eventParts, boolean partsSorted) {}

  public static void run(PrintStream out) throws Exception {
    analyse(out);
  }

  public static Outcome analyse(PrintStream out) throws Exception {
    List<List<Event>> inserts = inserts();
    try (Scratch scratch = Scratch.create("guide-realtime");
         Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      String ddlError = failure(duck, SEED_DDL);
      out.println("the seed's CREATE TABLE on DuckDB: " + ddlError);
      try (Statement st = duck.createStatement()) {
        st.execute(DUCKDB_DDL);
      }
      for (int b = 0; b < inserts.size(); b++) {
        load(duck, scratch.resolve("insert-" + b + ".csv"), inserts.get(b), false);
      }
      out.printf("DuckDB table events: %,d rows from %d inserts%n", count(duck, "SELECT count(*) FROM events"), INSERTS);

      String queryError = failure(duck, query("response_time"));
      out.println("the seed's query: " + queryError);

      // tag::fix-query[]
      try (Statement st = duck.createStatement()) {           // the column the query needs, filled from the events
        st.execute("ALTER TABLE events ADD COLUMN response_time_ms INTEGER");
        st.execute("DELETE FROM events");
      }
      for (int b = 0; b < inserts.size(); b++) {
        load(duck, scratch.resolve("insert-" + b + ".csv"), inserts.get(b), true);
      }
      List<String> rows = rows(duck, query("response_time_ms"));
      // end::fix-query[]
      out.println("with a response_time_ms column: " + rows.size() + " rows (6 hours x 3 types), the first four:");
      out.println("  hour              type       events  users  p95 ms");
      rows.stream().limit(4).forEach(r -> out.println("  " + r));
      out.println("  exact beside approximate for the first row: " + rows(duck, """
          SELECT count(DISTINCT user_id) || ' users exactly, p95 ' || quantile_cont(response_time_ms, 0.95)
                 || ' exactly, ' || approx_quantile(response_time_ms, 0.95) || ' by t-digest'
          FROM events WHERE date_trunc('hour', timestamp) = TIMESTAMP '%s' AND event_type = 'view'"""
          .formatted(START.plusHours(5))).get(0));

      Map<String, Long> exactUsers = perHourAndType(duck, "count(DISTINCT user_id)");
      Map<String, Long> exactEvents = perHourAndType(duck, "count(*)");
      return views(inserts, out, ddlError, queryError, rows, exactUsers, exactEvents);
    }
  }

  // tag::views[]
  /** The seed's view: count() and uniq(user_id) per block, into a summing table. */
  record Hourly(LocalDateTime hour, String type, long events, long uniqueUsers) {}

  /** The fix: a mergeable state of the users (ClickHouse: uniqState into an AggregatingMergeTree, uniqMerge to read). */
  record HourlyState(LocalDateTime hour, String type, long events, Set<Long> users) {}

  static final Comparator<Hourly> HOURLY_KEY = Comparator.comparing(Hourly::hour).thenComparing(Hourly::type);
  static final Comparator<HourlyState> STATE_KEY = Comparator.comparing(HourlyState::hour).thenComparing(HourlyState::type);

  static List<Hourly> seedViewQuery(List<Event> block) {
    return group(block).entrySet().stream().map(e -> new Hourly(e.getKey().hour(), e.getKey().type(),
        e.getValue().size(), e.getValue().stream().map(Event::userId).distinct().count())).toList();
  }

  static List<HourlyState> fixedViewQuery(List<Event> block) {
    return group(block).entrySet().stream().map(e -> new HourlyState(e.getKey().hour(), e.getKey().type(),
        e.getValue().size(), e.getValue().stream().map(Event::userId).collect(Collectors.toSet()))).toList();
  }
  // end::views[]

  private record HourType(LocalDateTime hour, String type) {}

  private static Map<HourType, List<Event>> group(List<Event> block) {
    Map<HourType, List<Event>> groups = new LinkedHashMap<>();
    block.forEach(e -> groups.computeIfAbsent(new HourType(e.time().truncatedTo(ChronoUnit.HOURS), e.type()),
        k -> new ArrayList<>()).add(e));
    return groups;
  }

  private static Outcome views(List<List<Event>> inserts, PrintStream out, String ddlError, String queryError,
      List<String> rows, Map<String, Long> exactUsers, Map<String, Long> exactEvents) {
    // tag::mergetree[]
    Ch16_MergeTree<Event> events = Ch16_MergeTree.mergeTree(
        Comparator.comparingLong(Event::userId).thenComparing(Event::time));          // ORDER BY (user_id, timestamp)
    Ch16_MergeTree<Hourly> seedHourly = Ch16_MergeTree.summing(HOURLY_KEY,
        (a, b) -> new Hourly(a.hour(), a.type(), a.events() + b.events(), a.uniqueUsers() + b.uniqueUsers()));
    Ch16_MergeTree<HourlyState> fixedHourly = Ch16_MergeTree.summing(STATE_KEY, (a, b) -> {
      Set<Long> union = new HashSet<>(a.users());
      union.addAll(b.users());
      return new HourlyState(a.hour(), a.type(), a.events() + b.events(), union);
    });
    var seedView = new Ch16_MergeTree.MaterializedView<>(Ch16_RealTimeAnalytics::seedViewQuery, seedHourly);
    var fixedView = new Ch16_MergeTree.MaterializedView<>(Ch16_RealTimeAnalytics::fixedViewQuery, fixedHourly);
    for (List<Event> block : inserts) {
      events.insert(block);
      seedView.onInsert(block);
      fixedView.onInsert(block);
    }
    int eventParts = events.parts();
    int rowsBefore = seedHourly.scan().size();
    events.merge();
    seedHourly.merge();
    fixedHourly.merge();
    // end::mergetree[]
    out.printf("%nour MergeTree, the same %d inserts: events in %d parts, each sorted by (user_id, timestamp): %s;"
        + " after the merge %d part%n", INSERTS, eventParts, events.partsSorted(), events.parts());
    out.printf("events_hourly (SummingMergeTree): %d rows before the merge (a key in up to %d parts), %d after%n",
        rowsBefore, INSERTS, seedHourly.scan().size());

    Map<String, Long> seedUsers = new TreeMap<>();
    Map<String, Long> viewEvents = new TreeMap<>();
    seedHourly.scan().forEach(h -> {
      seedUsers.put(key(h.hour(), h.type()), h.uniqueUsers());
      viewEvents.put(key(h.hour(), h.type()), h.events());
    });
    Map<String, Long> fixedUsers = new TreeMap<>();
    fixedHourly.scan().forEach(h -> fixedUsers.put(key(h.hour(), h.type()), (long) h.users().size()));
    String sample = key(START.plusHours(5), "view");
    out.printf("event_count per (hour, type) equals DuckDB's count(*): %s%n", viewEvents.equals(exactEvents));
    out.printf("the seed's unique_users, summed by the merge, equals DuckDB's count(DISTINCT user_id): %s"
        + " (%s: %d summed, %d distinct)%n", seedUsers.equals(exactUsers), sample, seedUsers.get(sample), exactUsers.get(sample));
    out.printf("the fixed view's users (sets merged by union) equal it: %s (%s: %d)%n", fixedUsers.equals(exactUsers),
        sample, fixedUsers.get(sample));
    return new Outcome(ddlError, queryError, rows, exactUsers, seedUsers, fixedUsers, exactEvents, viewEvents, rowsBefore,
        seedHourly.scan().size(), eventParts, events.partsSorted());
  }

  static String key(LocalDateTime hour, String type) {
    return hour.toString().replace('T', ' ') + " " + type;
  }

  /** Loads one insert's events through a CSV file, as a batch arrives; without the response time for the seed's table. */
  private static void load(Connection duck, Path csv, List<Event> block, boolean withResponse) throws Exception {
    Files.write(csv, block.stream().map(Event::csv).toList());
    String columns = "event_id, user_id, event_type, timestamp, properties" + (withResponse ? ", response_time_ms" : "");
    String select = "column0, column1, column2, column3, column4" + (withResponse ? ", column5" : "");
    try (Statement st = duck.createStatement()) {
      st.execute("INSERT INTO events (" + columns + ") SELECT " + select + " FROM read_csv('" + csv
          + "', header = false, quote = '', columns = {'column0': 'UUID', 'column1': 'UBIGINT', 'column2': 'VARCHAR',"
          + " 'column3': 'TIMESTAMP', 'column4': 'VARCHAR', 'column5': 'INTEGER'})");
    }
  }

  private static Map<String, Long> perHourAndType(Connection duck, String aggregate) throws SQLException {
    Map<String, Long> result = new TreeMap<>();
    try (Statement st = duck.createStatement();
         ResultSet rs = st.executeQuery("SELECT date_trunc('hour', timestamp), event_type, " + aggregate
             + " FROM events GROUP BY ALL")) {
      while (rs.next()) {
        result.put(key(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2)), rs.getLong(3));
      }
    }
    return result;
  }

  /** The statement's error, first line only, or "ran" if it did not fail. */
  private static String failure(Connection duck, String sql) {
    try (Statement st = duck.createStatement()) {
      st.execute(sql);
      return "ran";
    } catch (SQLException e) {
      return "fails: " + e.getMessage().lines().findFirst().orElse("").trim();
    }
  }

  private static long count(Connection duck, String sql) throws SQLException {
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> rows(Connection duck, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        if (n == 1) {
          rows.add(rs.getString(1));
        } else {
          rows.add(String.format("%-17s %-9s %7d %6d %7.1f", rs.getString(1).substring(0, 16), rs.getString(2),
              rs.getLong(3), rs.getLong(4), rs.getDouble(5)));
        }
      }
    }
    return rows;
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch16_RealTimeAnalytics
end::run[]
 */
