package org.bigdatalab.log.reference;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The topics of a log and the consumer groups' committed positions, with the argument checks both
 * reference logs share: an unknown topic, a partition out of range and a second creation of a
 * topic each get one clear message.
 *
 * @param <P> a log's partition
 */
final class TopicTable<P> {
  private final Map<String, P[]> topics = new LinkedHashMap<>();
  private final Map<String, Long> committed = new LinkedHashMap<>();

  /** Refuses a topic that exists, a bad name, or fewer than one partition, before anything is made. */
  void checkNew(String topic, int partitions) {
    checkName("topic", topic);
    if (topics.containsKey(topic)) {
      throw new IllegalArgumentException("topic '" + topic + "' exists already");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("topic '" + topic + "' needs at least one partition, not " + partitions);
    }
  }

  /** Adds a topic whose partitions {@code make} builds from their numbers. */
  P[] create(String topic, P[] partitions, Function<Integer, P> make) {
    checkNew(topic, partitions.length);
    for (int p = 0; p < partitions.length; p++) {
      partitions[p] = make.apply(p);
    }
    topics.put(topic, partitions);
    return partitions;
  }

  /** Puts back a topic found on disk at start-up. */
  void restore(String topic, P[] partitions) {
    topics.put(topic, partitions);
  }

  P[] topic(String topic) {
    P[] partitions = topics.get(topic);
    if (partitions == null) {
      throw new IllegalArgumentException("no topic '" + topic + "'; known: " + topics.keySet());
    }
    return partitions;
  }

  P partition(String topic, int partition) {
    P[] partitions = topic(topic);
    if (partition < 0 || partition >= partitions.length) {
      throw new IllegalArgumentException("topic '" + topic + "' has partitions 0-" + (partitions.length - 1) + ", not " + partition);
    }
    return partitions[partition];
  }

  Map<String, P[]> all() { return topics; }

  void commit(String group, String topic, int partition, long nextOffset) {
    partition(topic, partition);
    committed.put(positionKey(group, topic, partition), nextOffset);
  }

  OptionalLong committed(String group, String topic, int partition) {
    Long offset = committed.get(positionKey(group, topic, partition));
    return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
  }

  Map<String, Long> positions() { return committed; }

  /** The key of a committed position; a tab cannot occur in group or topic names the log accepts. */
  static String positionKey(String group, String topic, int partition) {
    return group + "\t" + topic + "\t" + partition;
  }

  static void checkName(String what, String name) {
    if (name == null || name.isEmpty() || !name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(what + " '" + name + "' must be letters, digits, '.', '_' or '-'");
    }
  }
}
