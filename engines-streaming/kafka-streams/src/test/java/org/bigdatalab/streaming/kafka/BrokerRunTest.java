package org.bigdatalab.streaming.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.bigdatalab.kafka.broker.EmbeddedKafkaBroker;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingClauses;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.ClickJobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker path's own checks on an embedded KRaft broker: results, dead letters, clean-up, options. */
class BrokerRunTest {
  private static EmbeddedKafkaBroker broker;
  private static KafkaStreamsEngine engine;

  @BeforeAll
  static void start() throws Exception {
    broker = new EmbeddedKafkaBroker();
    engine = new KafkaStreamsEngine(TestBrokers.options(broker));
  }

  @AfterAll
  static void stop() throws Exception {
    broker.close();
  }

  @Test
  void windowedRunGivesTheDriversResultsAndLeavesNoTopicBehind() throws Exception {
    ScriptedSource source = ScriptedSource.ofLines(List.of("-3,bob,1", "4,ann,1", "oops", "1,ann,1", "12,ann,1"));
    StreamingResult<?> viaBroker = engine.run(ClickJobs.COUNT.job(Windows.tumbling(10), 5), source);
    StreamingResult<?> viaDriver = new KafkaStreamsEngine().run(ClickJobs.COUNT.job(Windows.tumbling(10), 5), source);
    assertThat(viaBroker.finalValues()).isEqualTo(Map.of(
        new WindowResult.Id("ann", new Window(0, 10)), 2L, new WindowResult.Id("ann", new Window(10, 20)), 1L,
        new WindowResult.Id("bob", new Window(-10, 0)), 1L));
    assertThat(new java.util.ArrayList<Object>(viaBroker.results())).containsExactlyInAnyOrderElementsOf(viaDriver.results());
    assertThat(viaBroker.deadLetters()).containsExactlyElementsOf(viaDriver.deadLetters());
    assertThat(viaBroker.droppedLate()).isEqualTo(viaDriver.droppedLate());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      assertThat(admin.listTopics().names().get()).as("topics left after the run").noneMatch(t -> t.startsWith("bigdatalab-"));
    }
  }

  @Test
  void aFailingUserFunctionFailsTheRunInsteadOfWaitingForTheTimeout() {
    StreamingJob<?, ?, ?> job = throwingKey(ClickJobs.COUNT.job(Windows.tumbling(10), 0));
    assertThatThrownBy(() -> engine.run(job, ScriptedSource.ofLines(List.of("1,ann,1"))))
        .hasMessageContaining("kafka-streams").hasStackTraceContaining("boom");
  }

  private static <T, A, R> StreamingJob<T, A, R> throwingKey(StreamingJob<T, A, R> j) {
    return new StreamingJob<>(j.name(), j.parser(), e -> {
      throw new IllegalStateException("boom");
    }, j.timestamp(), j.windows(), 0, 0, j.aggregate(), j.mode());
  }

  @Test
  void scriptedWatermarksAreRefusedWithTheDeclaredReason() {
    ScriptedSource source = new ScriptedSource(List.of(new ScriptedSource.Line("1,ann,1"), new ScriptedSource.Watermark(10)));
    assertThatThrownBy(() -> engine.run(ClickJobs.COUNT.job(Windows.tumbling(10), 0), source))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(engine.info().unsupported().get(StreamingClauses.WATERMARK_MONOTONIC));
  }

  @Test
  void theProviderTurnsBootstrapServersIntoTheBrokerMode() {
    KafkaStreamsEngineProvider provider = new KafkaStreamsEngineProvider();
    assertThat(provider.create(EngineOptions.NONE).info()).isEqualTo(KafkaStreamsEngine.INFO);
    assertThat(provider.create(TestBrokers.options(broker)).info()).isEqualTo(BrokerOptions.INFO);
    assertThat(BrokerOptions.INFO.unsupported().get(StreamingClauses.EXACTLY_ONCE)).contains("exactly_once_v2");
  }

  @Test
  void brokerOptionsWithoutABrokerAreRefused() {
    assertThatThrownBy(() -> new KafkaStreamsEngine(new EngineOptions(Map.of("topic.prefix", "x-"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap.servers");
    assertThatThrownBy(() -> new KafkaStreamsEngine(new EngineOptions(Map.of("bootstrap.servers", "b:9092", "drain.timeout.ms", "0"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drain.timeout.ms");
  }
}
