package org.bigdatalab.streaming.spark;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.StreamFns;

/**
 * The SPI's aggregate as a typed Spark {@link Aggregator} over raw lines: {@code zero} is
 * {@code create}, {@code reduce} parses the line and calls {@code add}, {@code merge} is
 * {@code merge} (Spark merges partial aggregates across the shuffle, and session windows when an
 * event bridges two), {@code finish} is {@code result}. Accumulators and results travel
 * Java-serialized in a {@link Boxed}, since their types are the user's.
 */
final class SpiAggregator<T, A, R> extends Aggregator<String, Boxed, Boxed> {
  private static final long serialVersionUID = 1L;

  private final StreamFns.Parser<T> parser;
  private final Aggregate<T, A, R> aggregate;
  private final String ignoredLine;

  /** @param ignoredLine the adapter's end-of-input marker, which adds nothing */
  SpiAggregator(StreamFns.Parser<T> parser, Aggregate<T, A, R> aggregate, String ignoredLine) {
    this.parser = parser;
    this.aggregate = aggregate;
    this.ignoredLine = ignoredLine;
  }

  @Override
  public Boxed zero() { return new Boxed(aggregate.create()); }

  @Override
  public Boxed reduce(Boxed acc, String line) {
    return ignoredLine.equals(line) ? acc : new Boxed(aggregate.add(unbox(acc), parser.parse(line)));
  }

  @Override
  public Boxed merge(Boxed a, Boxed b) { return new Boxed(aggregate.merge(unbox(a), unbox(b))); }

  @Override
  public Boxed finish(Boxed acc) { return new Boxed(aggregate.result(unbox(acc))); }

  @Override
  public Encoder<Boxed> bufferEncoder() { return Encoders.javaSerialization(Boxed.class); }

  @Override
  public Encoder<Boxed> outputEncoder() { return Encoders.javaSerialization(Boxed.class); }

  @SuppressWarnings("unchecked")
  private A unbox(Boxed acc) { return (A) acc.value(); }
}
