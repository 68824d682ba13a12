package org.bigdatalab.streaming.kafka;

import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Produced;
import org.bigdatalab.streaming.DeadLetter;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StatelessJob;
import org.bigdatalab.streaming.StatelessResult;
import org.bigdatalab.streaming.StreamingFailedException;

/**
 * A stateless job against a real broker: the driver's topology ({@link KafkaStateless#topology})
 * over a fresh one-partition input topic, outputs and dead letters written to topics (outputs must
 * be {@link java.io.Serializable}). The end: a last line at step -1 that no parser accepts becomes
 * the last dead letter, and, one task processing in order, every output before it is then
 * committed. Watermark and idle steps are skipped, as in the driver.
 */
final class BrokerStateless {
  private BrokerStateless() {}

  private static final String END_LINE = "\u0000end";

  static <T, R> StatelessResult<R> run(BrokerOptions broker, StatelessJob<T, R> job, ScriptedSource source)
      throws StreamingFailedException {
    try (BrokerSession session = BrokerSession.open(broker)) {
      TopicNames names = session.topics();
      StreamsBuilder builder = new StreamsBuilder();
      KafkaStateless.StatelessStreams<R> streams = KafkaStateless.topology(builder, names.input(), job);
      streams.deadLetters().mapValues(d -> (Object) WireRecords.Dead.of(d))
          .to(names.deadLetters(), Produced.with(Serdes.String(), JavaSerde.create()));
      streams.outputs().mapValues(out -> (Object) out).to(names.output(), Produced.with(Serdes.String(), JavaSerde.create()));
      session.start(builder.build(), KafkaStreamsEngine.config());
      try (KafkaProducer<String, String> producer = session.producer()) {
        for (int i = 0; i < source.steps().size(); i++) {
          if (source.steps().get(i) instanceof ScriptedSource.Line line) {
            producer.send(new ProducerRecord<>(names.input(), 0, null, Integer.toString(i), line.text()));
          } else if (source.steps().get(i) instanceof ScriptedSource.Events<?> batch) {
            for (int e = 0; e < batch.size(); e++) { // no typed path: the lines the batch stands for
              producer.send(new ProducerRecord<>(names.input(), 0, null, Integer.toString(i), batch.line(e)));
            }
          }
        }
        producer.send(new ProducerRecord<>(names.input(), 0, null, "-1", END_LINE));
      }
      List<DeadLetter> dead = session.readUntil(names.deadLetters(), r -> ((WireRecords.Dead) r.value()).step() == -1)
          .stream().map(r -> ((WireRecords.Dead) r.value()).letter()).toList();
      @SuppressWarnings("unchecked")
      List<R> outputs = session.readAll(names.output()).stream().map(r -> (R) r.value()).toList();
      return new StatelessResult<>(outputs, dead);
    } catch (RuntimeException e) {
      throw new StreamingFailedException("kafka-streams broker run of stateless job " + job.name() + " failed: " + e, e);
    }
  }
}
