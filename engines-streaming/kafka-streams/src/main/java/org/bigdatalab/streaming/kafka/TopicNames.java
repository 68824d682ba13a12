package org.bigdatalab.streaming.kafka;

import java.util.List;
import java.util.UUID;

/**
 * The names one broker run uses: its Streams application id (which also prefixes the internal
 * repartition and changelog topics Kafka Streams creates) and its own input, output and dead-letter
 * topics. Fresh per run, so runs never read each other's records or restore each other's state,
 * and everything a run made can be found and deleted after it.
 */
record TopicNames(String applicationId, String input, String output, String deadLetters) {

  static TopicNames fresh(BrokerOptions options) {
    String run = UUID.randomUUID().toString().substring(0, 13);
    String topic = options.topicPrefix() + run;
    return new TopicNames(options.applicationIdPrefix() + run, topic + "-input", topic + "-output", topic + "-dead-letters");
  }

  /** The topics this run creates itself (the internal ones are Kafka Streams'). */
  List<String> own() { return List.of(input, output, deadLetters); }

  /** Whether {@code topic} is one of the application's internal topics ({@code <application.id>-…}). */
  boolean internal(String topic) { return topic.startsWith(applicationId + "-"); }
}
