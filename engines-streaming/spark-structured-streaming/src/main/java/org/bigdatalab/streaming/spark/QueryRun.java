package org.bigdatalab.streaming.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One run of a job: a {@link MemoryStream} of {@link Arrival}s feeding a streaming aggregation in
 * append mode, whose micro-batches a {@code foreachBatch} sink collects by batch id. Everything
 * the run reports is read from Spark: the rows each batch emitted, and from each batch's progress
 * its watermark and the rows its stateful operator dropped as too late.
 *
 * <p>The sink is idempotent per batch id (a replayed batch replaces what it had written), which is
 * Spark's exactly-once contract for {@code foreachBatch}. An injected crash makes the next batch's
 * sink throw after writing; the failed query is then replaced by a new one on the same checkpoint,
 * which replays that batch from Spark's offset log and state store.
 */
final class QueryRun implements AutoCloseable {

  /** A row of the aggregation: key, window start and end (shifted ms), and the aggregate's result. */
  record Emitted(String key, long start, long end, Object value) {}

  /** The failure an armed crash injects; told apart from real failures when the query dies. */
  static final class InjectedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedCrash(long batch) { super("injected crash in micro-batch " + batch); }
  }

  private final MemoryStream<Arrival> input;
  private final Dataset<Row> aggregation;
  private final Path checkpoint;
  private final NavigableMap<Long, List<Emitted>> written = new ConcurrentSkipListMap<>();
  private final Map<Long, StreamingQueryProgress> progress = new TreeMap<>();
  private final AtomicBoolean crashArmed = new AtomicBoolean();
  private StreamingQuery query;
  private int restarts;

  QueryRun(MemoryStream<Arrival> input, Dataset<Row> aggregation, Path checkpoint) throws TimeoutException {
    this.input = input;
    this.aggregation = aggregation;
    this.checkpoint = checkpoint;
    this.query = start();
  }

  private StreamingQuery start() throws TimeoutException {
    VoidFunction2<Dataset<Row>, Long> sink = (batch, id) -> {
      List<Emitted> rows = new ArrayList<>();
      batch.as(Encoders.tuple(Encoders.STRING(), Encoders.LONG(), Encoders.LONG(),
              Encoders.javaSerialization(Boxed.class)))
          .collectAsList().forEach(t -> rows.add(emitted(t)));
      rows.sort(Comparator.comparing(Emitted::key).thenComparingLong(Emitted::start).thenComparingLong(Emitted::end));
      written.put(id, rows);
      if (crashArmed.compareAndSet(true, false)) {
        throw new InjectedCrash(id);
      }
    };
    return aggregation.writeStream().outputMode("append").option("checkpointLocation", checkpoint.toString())
        .foreachBatch(sink).start();
  }

  private static Emitted emitted(Tuple4<String, Long, Long, Boxed> t) {
    return new Emitted(t._1(), t._2(), t._3(), t._4().value());
  }

  /** Makes the next micro-batch fail after its sink has written, as a crash before its commit. */
  void armCrash() { crashArmed.set(true); }

  int restarts() { return restarts; }

  /** Adds one micro-batch of rows and runs it. */
  void add(List<Arrival> rows) throws TimeoutException {
    input.addData(CollectionConverters.asScala(rows).toSeq());
    try {
      query.processAllAvailable();
    } catch (Exception e) {
      // Scala throws StreamingQueryException (checked in Java) without declaring it
      if (!(rootCause(e) instanceof InjectedCrash)) {
        throw e;
      }
      record(query);
      restarts++;
      query = start();
      query.processAllAvailable();
    }
    record(query);
  }

  private void record(StreamingQuery q) {
    for (StreamingQueryProgress p : q.recentProgress()) {
      progress.putIfAbsent(p.batchId(), p);
    }
  }

  /** The rows each committed batch emitted, by batch id. */
  NavigableMap<Long, List<Emitted>> written() { return written; }

  /** Each batch's event-time watermark (Spark's, shifted ms; 0 before the first), by batch id. */
  NavigableMap<Long, Long> watermarks() {
    NavigableMap<Long, Long> marks = new TreeMap<>();
    progress.forEach((batch, p) -> {
      String mark = p.eventTime().get("watermark");
      if (mark != null) {
        marks.put(batch, Instant.parse(mark).toEpochMilli());
      }
    });
    return marks;
  }

  /** Rows the stateful operators dropped because their window had closed, over all batches. */
  long droppedByWatermark() {
    long dropped = 0;
    for (StreamingQueryProgress p : progress.values()) {
      for (StateOperatorProgress op : p.stateOperators()) {
        dropped += op.numRowsDroppedByWatermark();
      }
    }
    return dropped;
  }

  static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public void close() throws IOException {
    try {
      query.stop();
    } catch (TimeoutException e) {
      throw new IOException("the streaming query did not stop", e);
    } finally {
      try (Stream<Path> files = Files.walk(checkpoint)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
