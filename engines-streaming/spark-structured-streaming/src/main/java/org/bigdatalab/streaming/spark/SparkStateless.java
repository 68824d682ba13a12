package org.bigdatalab.streaming.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.streaming.DeadLetter;
import org.bigdatalab.streaming.StatelessJob;
import org.bigdatalab.streaming.StatelessResult;
import org.bigdatalab.streaming.StreamFns;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A stateless job as a Spark streaming query: the lines, each with its step, in micro-batches of a
 * {@code MemoryStream}; one {@code flatMap} parses each line and applies the job's filter and map,
 * inside Spark, turning a refused line into a dead letter; a {@code foreachBatch} sink collects the
 * outcomes by batch id. Arrival order is the order of the steps, which the driver restores.
 */
final class SparkStateless {
  private SparkStateless() {}

  /** Runs the job over the lines, grouped into the given micro-batches of steps. */
  static <T, R> StatelessResult<R> run(SparkSession spark, StatelessJob<T, R> job, List<List<Arrival>> batches)
      throws Exception {
    MemoryStream<Arrival> input = MemoryStream.apply(Encoders.bean(Arrival.class), spark.sqlContext());
    Dataset<Outcome> outcomes = input.toDS()
        .flatMap(outcomes(job.parser(), job.filter(), job.map()), Encoders.javaSerialization(Outcome.class));
    Map<Long, List<Outcome>> written = new ConcurrentSkipListMap<>();
    VoidFunction2<Dataset<Outcome>, Long> sink = (batch, id) -> written.put(id, batch.collectAsList());
    StreamingQuery query = outcomes.writeStream().foreachBatch(sink).start();
    try {
      for (List<Arrival> batch : batches) {
        input.addData(CollectionConverters.asScala(batch).toSeq());
        query.processAllAvailable();
      }
    } finally {
      query.stop();
    }
    List<Outcome> all = new ArrayList<>();
    written.values().forEach(all::addAll);
    all.sort(Comparator.comparingInt(Outcome::step));
    List<R> outputs = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    for (Outcome o : all) {
      if (o.reason() != null) {
        dead.add(new DeadLetter(o.step(), o.line(), o.reason()));
      } else {
        @SuppressWarnings("unchecked") R output = (R) o.output();
        outputs.add(output);
      }
    }
    return new StatelessResult<>(outputs, dead);
  }

  /** The function Spark runs per line; static, so it captures only the job's serializable functions. */
  private static <T, R> FlatMapFunction<Arrival, Outcome> outcomes(StreamFns.Parser<T> parser, StreamFns.Filter<T> filter,
      StreamFns.Map<T, R> map) {
    return a -> {
      T event;
      try {
        event = parser.parse(a.getLine());
      } catch (BadRecordException e) {
        return List.of(new Outcome(a.getStep(), a.getLine(), e.getMessage(), null)).iterator();
      }
      Iterator<Outcome> none = List.<Outcome>of().iterator();
      return filter.test(event) ? List.of(new Outcome(a.getStep(), a.getLine(), null, map.apply(event))).iterator() : none;
    };
  }
}
