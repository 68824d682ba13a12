package org.bigdatalab.streaming.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.bigdatalab.streaming.DeadLetter;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingClauses;
import org.bigdatalab.streaming.StreamingFailedException;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;

/**
 * A windowed job against a real broker: the driver's topology ({@link KafkaStreamsEngine#windowed})
 * over a fresh input topic, its final results and dead letters written to topics, read back
 * read-committed. What maps how:
 * <ol>
 *   <li>Lines are produced in script order to a one-partition topic, keyed by step, with the event
 *       time (plus the offset) as the record timestamp; the extractor still reads the event, as in
 *       the driver, so the record timestamp is for people reading the topic.</li>
 *   <li>Stream time, so the closing of windows, is Kafka's own (largest timestamp seen per task):
 *       the same rule as in the driver. A scripted watermark has no Kafka form and is refused, as
 *       in the driver.</li>
 *   <li>An idle step flushes the producer, so what came before it reaches the broker before what
 *       follows; the driver advances its wall clock instead. No punctuator reads either, and real
 *       idle time is not waited for.</li>
 *   <li>The end: the flush record (far future) closes every real window, then an end record (further
 *       still) closes the flush key's own window, which comes out of suppression after every real
 *       result: that is the end marker the reader stops at.</li>
 *   <li>The watermark of a result is read in the topology (the task's stream time when suppression
 *       let the window out, minus the bound): the driver's rule, observed instead of recomputed.</li>
 * </ol>
 */
final class BrokerRun {
  private BrokerRun() {}

  private static final String END_KEY = "\u0000end";
  private static final long FLUSH_TIME = Long.MAX_VALUE / 4;
  private static final long END_TIME = Long.MAX_VALUE / 2;

  static <T, A, R> StreamingResult<R> run(KafkaStreamsEngine engine, BrokerOptions broker, StreamingJob<T, A, R> job,
      ScriptedSource source, long offset) throws StreamingFailedException {
    for (int i = 0; i < source.steps().size(); i++) {
      if (source.steps().get(i) instanceof ScriptedSource.Watermark) {
        throw new UnsupportedOperationException("kafka-streams cannot take a scripted watermark (step " + i
            + "): " + BrokerOptions.INFO.unsupported().get(StreamingClauses.WATERMARK_MONOTONIC));
      }
    }
    try (BrokerSession session = BrokerSession.open(broker)) {
      TopicNames names = session.topics();
      StreamsBuilder builder = new StreamsBuilder();
      TimestampExtractor time = new EndMarkerTime(engine.timestampExtractor(job, offset, KafkaStreamsEngine.FLUSH_LINE));
      KafkaStreamsEngine.WindowedStreams<A> streams = KafkaStreamsEngine.windowed(builder, names.input(), job, time);
      streams.badLines()
          .mapValues((step, line) -> (Object) new WireRecords.Dead(Integer.parseInt(step), line, KafkaStreamsEngine.reason(job, line)))
          .to(names.deadLetters(), Produced.with(Serdes.String(), JavaSerde.create()));
      streams.finals()
          .processValues(() -> new Stamp<>(job, offset))
          .selectKey((k, emitted) -> k.key())
          .to(names.output(), Produced.with(Serdes.String(), JavaSerde.create()));
      session.start(builder.build(), KafkaStreamsEngine.config());
      produce(session, job, source, offset);

      List<WindowResult<R>> results = new ArrayList<>();
      for (ConsumerRecord<String, Object> r : session.readUntil(names.output(), r -> KafkaStreamsEngine.FLUSH_KEY.equals(r.key()))) {
        WireRecords.Emitted e = (WireRecords.Emitted) r.value();
        @SuppressWarnings("unchecked")
        A acc = (A) e.accumulator();
        results.add(new WindowResult<>(r.key(), new Window(e.start(), e.end()), job.aggregate().result(acc),
            WindowResult.Firing.FINAL, e.watermark()));
      }
      List<DeadLetter> dead = session.readAll(names.deadLetters()).stream()
          .map(r -> ((WireRecords.Dead) r.value()).letter()).toList();
      return new StreamingResult<>(results, List.of(), List.of(), session.droppedRecords(), dead, 0);
    } catch (RuntimeException e) {
      throw new StreamingFailedException("kafka-streams broker run of " + job.name() + " failed: " + e, e);
    }
  }

  private static <T> void produce(BrokerSession session, StreamingJob<T, ?, ?> job, ScriptedSource source, long offset) {
    String input = session.topics().input();
    try (KafkaProducer<String, String> producer = session.producer()) {
      long last = offset;
      for (int i = 0; i < source.steps().size(); i++) {
        ScriptedSource.Step step = source.steps().get(i);
        if (step instanceof ScriptedSource.Line line) {
          last = send(producer, job, input, i, line.text(), last, offset);
        } else if (step instanceof ScriptedSource.Events<?> batch) {
          for (int e = 0; e < batch.size(); e++) { // no typed path: the lines the batch stands for
            last = send(producer, job, input, i, batch.line(e), last, offset);
          }
        } else if (step instanceof ScriptedSource.Idle) {
          producer.flush();
        }
      }
      producer.send(new ProducerRecord<>(input, 0, FLUSH_TIME, KafkaStreamsEngine.FLUSH_KEY, KafkaStreamsEngine.FLUSH_LINE));
      producer.send(new ProducerRecord<>(input, 0, END_TIME, END_KEY, KafkaStreamsEngine.FLUSH_LINE));
    }
  }

  /** Produces one line of step {@code step} with its event time as the record's; returns the time used. */
  private static <T> long send(KafkaProducer<String, String> producer, StreamingJob<T, ?, ?> job, String input,
                               int step, String text, long last, long offset) {
    Long t = KafkaStreamsEngine.timeOf(job, text);
    long time = t == null ? last : t + offset;
    producer.send(new ProducerRecord<>(input, 0, time, Integer.toString(step), text));
    return time;
  }

  /** The engine's event-time extractor, with the end record placed after the flush record. */
  private record EndMarkerTime(TimestampExtractor events) implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
      return END_KEY.equals(record.key()) ? END_TIME : events.extract(record, partitionTime);
    }
  }

  /** Puts on each final result its window in the job's time and the watermark that let it out. */
  private static final class Stamp<A> implements FixedKeyProcessor<Windowed<String>, A, Object> {
    private final StreamingJob<?, A, ?> job;
    private final long offset;
    private FixedKeyProcessorContext<Windowed<String>, Object> context;

    Stamp(StreamingJob<?, A, ?> job, long offset) {
      this.job = job;
      this.offset = offset;
    }

    @Override
    public void init(FixedKeyProcessorContext<Windowed<String>, Object> context) { this.context = context; }

    @Override
    public void process(FixedKeyRecord<Windowed<String>, A> record) {
      long streamTime = context.currentStreamTimeMs();
      long watermark = streamTime >= FLUSH_TIME ? Long.MAX_VALUE : streamTime - offset - job.outOfOrderness();
      Window w = KafkaStreamsEngine.windowOf(job, record.key(), offset);
      context.forward(record.withValue(new WireRecords.Emitted(w.start(), w.end(), record.value(), watermark)));
    }
  }
}
