package org.bigdatalab.log.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.bigdatalab.kafka.broker.KafkaBrokerJvm;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.LogClauses;
import org.bigdatalab.log.LogRecord;
import org.bigdatalab.log.TornAppend;
import org.bigdatalab.spi.EngineOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code bootstrap.servers} path, against a broker the test starts in a JVM of its own on
 * 127.0.0.1 as a user's cluster stands in: the log's topics carry a prefix of their own, the records
 * really are on that cluster (a plain admin client sees them), and closing the log deletes its topics.
 */
class KafkaLogClusterTest {
  private static KafkaBrokerJvm cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = KafkaBrokerJvm.start();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @Test
  void aLogOnAClusterPrefixesItsTopicsAndDeletesThemOnClose() throws Exception {
    EventLog log = (EventLog) new KafkaLogProvider().create(new EngineOptions(Map.of("bootstrap.servers", cluster.bootstrapServers(),
        "topic.prefix", "lab-test-")));
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", cluster.bootstrapServers()))) {
      log.createTopic("clicks", 2);
      assertThat(log.append("clicks", 1, LogRecord.of("ann", "1,ann,2", 7))).isZero();
      assertThat(admin.listTopics().names().get()).contains("lab-test-clicks");
      assertThat(log.partitions("clicks")).isEqualTo(2);
      assertThat(log.endOffset("clicks", 1)).isEqualTo(1);
      assertThatThrownBy(() -> log.createTopic("clicks", 1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("exists already");
      log.close();
      assertThat(admin.listTopics().names().get()).doesNotContain("lab-test-clicks");
    }
  }

  @Test
  void twoLogsOnOneClusterGetPrefixesOfTheirOwn() throws Exception {
    EngineOptions options = new EngineOptions(Map.of("bootstrap.servers", cluster.bootstrapServers()));
    try (EventLog one = (EventLog) new KafkaLogProvider().create(options);
         EventLog two = (EventLog) new KafkaLogProvider().create(options)) {
      one.createTopic("t1", 1);
      two.createTopic("t1", 1);
      one.append("t1", 0, LogRecord.of(null, "one's", 1));
      assertThat(two.endOffset("t1", 0)).isZero();
    }
  }

  @Test
  void aCrashIsRefusedWithTheDeclaredReason() throws Exception {
    try (EventLog log = (EventLog) new KafkaLogProvider().create(new EngineOptions(Map.of("bootstrap.servers", cluster.bootstrapServers())))) {
      log.createTopic("t", 1);
      assertThat(log.info().supports(LogClauses.DURABLE)).isFalse();
      assertThatThrownBy(() -> log.crashDuring(new TornAppend("t", 0, LogRecord.of(null, "x", 1), 0.5, false)))
          .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("cannot be injected");
    }
  }

  @Test
  void badOptionsAreRefusedBeforeAnythingStarts() {
    for (List<String> bad : List.of(List.of("bootstrap.servers= "), List.of("replication.factor=0"), List.of("timeout.ms=0"))) {
      assertThatThrownBy(() -> new KafkaLogProvider().create(EngineOptions.parse(bad))).as("%s", bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("kafka: ");
    }
  }
}
