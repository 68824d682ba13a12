package org.bigdatalab.guide;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.LogEntry;
import org.bigdatalab.log.LogRecord;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamFns;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/*
 * Why: the seed answers "design a real-time recommendation system" with a box diagram: user actions
 * into Kafka, Spark Streaming, feature engineering, an online model, Redis, an API. An interviewer
 * then asks what is in each box, what the API reads, and how fast it answers. This program builds
 * the boxes small enough to read, on real parts, and measures the answer time.
 *
 * How: user actions go to a topic of the event log (real Kafka, an embedded broker, when the guide
 * renders: the program runs forked in the kafka module's JVM; log-local in the tests). A streaming
 * engine (stream-parallel) reads the topic back and computes three features as windowed sums:
 * each user's interest per category, each category's popular items, and what each user has already
 * seen. The features go to RocksDB, an embedded key-value store (the one Kafka Streams keeps its
 * state in). An HTTP endpoint on the JDK's own server reads RocksDB for GET /recommend?user=u:
 * the user's top category's popular items, minus those already seen; a user with no history gets
 * the most popular items overall (cold start). Latency is measured over local requests with
 * HdrHistogram. The "online model" is a weighted count, on purpose: the pipeline is the answer to
 * the question, and a better model changes one feature job, not the design.
 */
public final class Ch17_Recommendations {
  static final String LOG = "kafka";
  static final String TOPIC = "user-actions";
  static final int PARTITIONS = 2;
  static final long HOUR = 3_600_000;
  static final long START = 1_704_067_200_000L;   // 2024-01-01 00:00 UTC
  static final List<String> CATEGORIES = List.of("books", "games", "music", "films", "tools");
  static final int USERS = 40;
  static final int ITEMS_PER_CATEGORY = 8;
  static final int ACTIONS = 3_000;
  static final int REQUESTS = 2_000;

  private Ch17_Recommendations() {}

  /** A user action, as a producer writes it to the log: time,user,item,kind. */
  public record Action(long time, String user, String item, String kind) {
    static Action parse(String line) {
      String[] f = line.split(",");
      if (f.length != 4) {
        throw new BadRecordException("(row)", "expected 4 fields, got " + f.length);
      }
      return new Action(Long.parseLong(f[0]), f[1], f[2], f[3]);
    }

    String line() { return time + "," + user + "," + item + "," + kind; }

    String category() { return item.substring(0, item.indexOf('-')); }

    /** How much an action says about interest: a purchase more than a click, a click more than a view. */
    long weight() { return switch (kind) { case "purchase" -> 5; case "click" -> 2; default -> 1; }; }
  }

  /** ACTIONS actions over an hour: each user mostly in one favourite category; items of a category unequally popular. */
  static List<Action> actions() {
    Random random = new Random(17);
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < ACTIONS; i++) {
      int user = random.nextInt(USERS);
      String category = CATEGORIES.get(random.nextInt(10) < 7 ? user % CATEGORIES.size() : random.nextInt(CATEGORIES.size()));
      int item = (int) Math.min(ITEMS_PER_CATEGORY - 1, Math.abs(random.nextGaussian()) * 2.5);   // item 0 most popular
      String kind = random.nextInt(20) == 0 ? "purchase" : random.nextInt(4) == 0 ? "click" : "view";
      actions.add(new Action(START + (long) i * HOUR / ACTIONS, "u" + user, category + "-" + item, kind));
    }
    return actions;
  }

  /** The sum of the actions' weights in a window. */
  static final class Weights implements Aggregate<Action, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override public Long create() { return 0L; }
    @Override public Long add(Long sum, Action a) { return sum + a.weight(); }
    @Override public Long merge(Long a, Long b) { return a + b; }
    @Override public Long result(Long sum) { return sum; }
  }

  // tag::features[]
  /** Feature jobs: weighted action counts per key in the last hour (one tumbling window here). */
  static StreamingJob<Action, Long, Long> feature(String name, StreamFns.Key<Action> key) {
    return StreamingJob.of(name, Action::parse, key, Action::time, Windows.tumbling(HOUR), new Weights())
        .withOutOfOrderness(60_000);
  }

  static final StreamingJob<Action, Long, Long> INTEREST = feature("interest", a -> a.user() + "|" + a.category());
  static final StreamingJob<Action, Long, Long> POPULAR = feature("popular", a -> a.category() + "|" + a.item());
  static final StreamingJob<Action, Long, Long> SEEN = feature("seen", a -> a.user() + "|" + a.item());
  // end::features[]

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    try (EventLog log = GuideEngines.create(LOG, EventLog.class)) {
      run(log, out);
    }
  }

  /** What a run served: the answers for a few users, and the latency histogram. */
  public record Served(Map<String, String> answers, long requests, Histogram latencyMicros, int keys) {}

  public static Served run(EventLog log, PrintStream out) throws Exception {
    List<Action> actions = actions();
    // tag::produce[]
    log.createTopic(TOPIC, PARTITIONS);
    for (Action a : actions) {                                      // keyed by user: a user's actions stay in order
      log.append(TOPIC, Math.floorMod(a.user().hashCode(), PARTITIONS), LogRecord.of(a.user(), a.line(), a.time()));
    }
    // end::produce[]
    out.printf("log %s: %,d actions of %d users appended to topic %s (%d partitions, keyed by user)%n",
        log.info().id(), actions.size(), USERS, TOPIC, PARTITIONS);
    ScriptedSource consumed = consume(log);

    try (Scratch scratch = Scratch.create("guide-recommend");
         StreamingEngine streams = GuideEngines.create("stream-parallel", StreamingEngine.class);
         FeatureStore store = FeatureStore.open(scratch.resolve("rocksdb"))) {
      // tag::store[]
      for (StreamingJob<Action, Long, Long> job : List.of(INTEREST, POPULAR, SEEN)) {
        StreamingResult<Long> features = streams.run(job, consumed);
        Map<String, List<WindowResult<Long>>> byEntity = features.results().stream()
            .collect(Collectors.groupingBy(r -> r.key().substring(0, r.key().indexOf('|')), LinkedHashMap::new, Collectors.toList()));
        byEntity.forEach((entity, rows) -> store.put(job.name() + ":" + entity, rows.stream()   // "item:weight,..." by weight
            .sorted(Comparator.comparing((WindowResult<Long> r) -> -r.value()).thenComparing(WindowResult::key))
            .map(r -> r.key().substring(r.key().indexOf('|') + 1) + ":" + r.value()).collect(Collectors.joining(","))));
      }
      store.put("popular:*", topCategory(store));                  // the cold-start answer
      // end::store[]
      out.printf("features by stream-parallel, written to RocksDB: %d keys (interest:<user>, popular:<category>, seen:<user>)%n",
          store.keys());
      out.printf("  interest:u7 = %s%n  popular:%s = %s%n", store.get("interest:u7"), CATEGORIES.get(2),
          store.get("popular:" + CATEGORIES.get(2)));

      // Without TCP_NODELAY the JDK's server waits for the client's delayed ACK (about 40 ms) on every response.
      System.setProperty("sun.net.httpserver.nodelay", "true");
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      // tag::serve[]
      server.createContext("/recommend", exchange -> {
        String user = exchange.getRequestURI().getQuery().replaceFirst("^user=", "");
        byte[] body = recommend(store, user).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      // end::serve[]
      server.start();
      try {
        return measure(server, store.keys(), out);
      } finally {
        server.stop(0);
      }
    }
  }

  // tag::recommend[]
  /** The user's favourite category's popular items, minus what the user has seen; a stranger gets the overall favourites. */
  static String recommend(FeatureStore store, String user) {
    String interest = store.get("interest:" + user);
    String category = interest == null ? store.get("popular:*") : interest.split(",")[0].split(":")[0];
    Set<String> seen = new TreeSet<>();
    String seenItems = store.get("seen:" + user);
    if (seenItems != null) {
      for (String s : seenItems.split(",")) {
        seen.add(s.split(":")[0]);
      }
    }
    List<String> items = new ArrayList<>();
    for (String candidate : store.get("popular:" + category).split(",")) {
      String item = candidate.split(":")[0];
      if (!seen.contains(item) && items.size() < 3) {
        items.add("\"" + item + "\"");
      }
    }
    return "{\"user\":\"" + user + "\",\"category\":\"" + category + "\",\"cold_start\":" + (interest == null)
        + ",\"items\":[" + String.join(",", items) + "]}";
  }
  // end::recommend[]

  /** The category with the largest total weight of its items. */
  private static String topCategory(FeatureStore store) {
    String best = null;
    long bestWeight = -1;
    for (String category : CATEGORIES) {
      long weight = 0;
      for (String item : store.get("popular:" + category).split(",")) {
        weight += Long.parseLong(item.split(":")[1]);
      }
      if (weight > bestWeight) {
        best = category;
        bestWeight = weight;
      }
    }
    return best;
  }

  /** Reads the topic back as a consumer does, both partitions merged in time order: the streaming jobs' input. */
  static ScriptedSource consume(EventLog log) {
    List<LogEntry> entries = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      for (long offset = 0; offset < log.endOffset(TOPIC, p); ) {
        List<LogEntry> batch = log.read(TOPIC, p, offset, 500);
        entries.addAll(batch);
        offset = batch.get(batch.size() - 1).offset() + 1;
      }
    }
    entries.sort(Comparator.comparingLong(LogEntry::timestamp));
    return ScriptedSource.ofLines(entries.stream().map(e -> e.record().value()).toList());
  }

  // tag::measure[]
  /** REQUESTS requests from one client, each timed; the first 200 warm the server and are not recorded. */
  static Served measure(HttpServer server, int keys, PrintStream out) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/recommend?user=";
    Histogram micros = new Histogram(3);
    Map<String, String> answers = new LinkedHashMap<>();
    for (int i = -200; i < REQUESTS; i++) {
      String user = i == REQUESTS - 1 ? "newcomer" : "u" + Math.floorMod(i, USERS);
      long started = System.nanoTime();
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + user)).build(),
          HttpResponse.BodyHandlers.ofString());
      long took = (System.nanoTime() - started) / 1_000;
      if (i >= 0) {
        micros.recordValue(took);
      }
      if (List.of("u7", "u12", "u33", "newcomer").contains(user)) {
        answers.put(user, response.body());
      }
    }
    // end::measure[]
    out.printf("GET /recommend on the JDK's HTTP server, reading RocksDB:%n");
    answers.values().forEach(a -> out.println("  " + a));
    out.printf("latency of %,d requests from one local client (HdrHistogram; changes with every render):"
        + " p50 %,d us, p99 %,d us, max %,d us%n", micros.getTotalCount(), micros.getValueAtPercentile(50),
        micros.getValueAtPercentile(99), micros.getMaxValue());
    return new Served(answers, micros.getTotalCount(), micros, keys);
  }

  /** The fast key-value store of the seed's diagram: RocksDB, embedded, strings in and out. */
  static final class FeatureStore implements AutoCloseable {
    private final Options options;
    private final RocksDB db;
    private int keys;

    private FeatureStore(Options options, RocksDB db) {
      this.options = options;
      this.db = db;
    }

    static FeatureStore open(Path dir) throws RocksDBException {
      RocksDB.loadLibrary();
      Options options = new Options().setCreateIfMissing(true);
      return new FeatureStore(options, RocksDB.open(options, dir.toString()));
    }

    void put(String key, String value) {
      try {
        if (db.get(key.getBytes(StandardCharsets.UTF_8)) == null) {
          keys++;
        }
        db.put(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
      } catch (RocksDBException e) {
        throw new IllegalStateException("rocksdb: put " + key + ": " + e.getMessage(), e);
      }
    }

    String get(String key) {
      try {
        byte[] value = db.get(key.getBytes(StandardCharsets.UTF_8));
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
      } catch (RocksDBException e) {
        throw new IllegalStateException("rocksdb: get " + key + ": " + e.getMessage(), e);
      }
    }

    int keys() { return keys; }

    @Override public void close() {
      db.close();
      options.close();
    }
  }
}

/*
 * How to run it, from the repository root (Kafka's class path comes from its module):
tag::run[]
./mvnw -q -B install -DskipTests
java $(sed -n 's/^jvm.flags=//p' spec-tests/spi/target/classes/bigdatalab-engine-jvm.properties) \
  -cp "engines-streaming/kafka-log/target/classes:$(cat engines-streaming/kafka-log/target/lab-engine.classpath):guide/target/classes:$(cat benchmarks/lab/target/lab.classpath)" \
  org.bigdatalab.guide.Ch17_Recommendations
end::run[]
 */
