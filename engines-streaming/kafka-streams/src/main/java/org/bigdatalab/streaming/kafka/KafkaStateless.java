package org.bigdatalab.streaming.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.streaming.DeadLetter;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StatelessJob;
import org.bigdatalab.streaming.StatelessResult;
import org.bigdatalab.streaming.StreamingFailedException;

/**
 * A stateless job as a Kafka Streams topology: each line is parsed once ({@code mapValues} to the
 * event or the parser's reason), bad lines go to the dead letters ({@code filter}/{@code foreach}),
 * and good ones through the job's filter and map as {@code filter} and {@code mapValues}. One task
 * in the {@link TopologyTestDriver}, so arrival order is kept. Record timestamps do not matter here.
 */
final class KafkaStateless {
  private KafkaStateless() {}

  private static final String INPUT = "lines";

  /** A parsed line: the event, or why the parser refused it. */
  private record Parsed<T>(int step, String line, T event, String reason) {}

  static <T, R> StatelessResult<R> run(StatelessJob<T, R> job, ScriptedSource source, Properties config)
      throws StreamingFailedException {
    List<R> outputs = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    StreamsBuilder builder = new StreamsBuilder();
    StatelessStreams<R> streams = topology(builder, INPUT, job);
    streams.deadLetters().foreach((step, d) -> dead.add(d));
    streams.outputs().foreach((step, out) -> outputs.add(out));
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
      TestInputTopic<String, String> input = driver.createInputTopic(INPUT, new StringSerializer(), new StringSerializer());
      for (int i = 0; i < source.steps().size(); i++) {
        if (source.steps().get(i) instanceof ScriptedSource.Line line) {
          input.pipeInput(Integer.toString(i), line.text());
        } else if (source.steps().get(i) instanceof ScriptedSource.Events<?> batch) {
          for (int e = 0; e < batch.size(); e++) { // no typed path: the lines the batch stands for
            input.pipeInput(Integer.toString(i), batch.line(e));
          }
        }
      }
    } catch (RuntimeException e) {
      throw new StreamingFailedException("kafka-streams stateless job " + job.name() + " failed: " + e, e);
    }
    return new StatelessResult<>(outputs, dead);
  }

  /** The two ends of the stateless topology: bad lines with their reasons, and the outputs, both in arrival order. */
  record StatelessStreams<R>(KStream<String, DeadLetter> deadLetters, KStream<String, R> outputs) {}

  /** The stateless topology both paths run (TopologyTestDriver, or a broker through {@link BrokerStateless}) over topic {@code input}. */
  static <T, R> StatelessStreams<R> topology(StreamsBuilder builder, String input, StatelessJob<T, R> job) {
    KStream<String, Parsed<T>> parsed = builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
        .mapValues((step, line) -> parse(job, Integer.parseInt(step), line));
    return new StatelessStreams<>(
        parsed.filter((step, p) -> p.reason() != null).mapValues(p -> new DeadLetter(p.step(), p.line(), p.reason())),
        parsed.filter((step, p) -> p.reason() == null)
            .filter((step, p) -> job.filter().test(p.event()))
            .mapValues(p -> job.map().apply(p.event())));
  }

  private static <T> Parsed<T> parse(StatelessJob<T, ?> job, int step, String line) {
    try {
      return new Parsed<>(step, line, job.parser().parse(line), null);
    } catch (BadRecordException e) {
      return new Parsed<>(step, line, null, e.getMessage());
    }
  }
}
