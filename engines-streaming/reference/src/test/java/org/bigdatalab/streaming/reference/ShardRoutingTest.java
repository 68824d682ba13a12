package org.bigdatalab.streaming.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How stream-parallel spreads keys over its shards. Any split is correct (the spec cannot tell);
 * this pins that small whole-number keys, such as auction ids, whose hash is the number itself, do
 * not all land on one shard (they did: the range reduction reads the hash's high bits).
 */
class ShardRoutingTest {

  @Test
  void consecutiveSmallKeysSpreadEvenlyOverTheShards() {
    for (int shards = 2; shards <= 5; shards++) {
      int[] per = new int[shards];
      int keys = 10_000;
      for (long k = 1000; k < 1000 + keys; k++) {
        per[ThreadedShards.shardOf(Long.hashCode(k), shards)]++;
      }
      for (int count : per) {
        assertThat(count).as("keys on one of %d shards", shards).isBetween(keys / shards * 9 / 10, keys / shards * 11 / 10);
      }
    }
  }
}
