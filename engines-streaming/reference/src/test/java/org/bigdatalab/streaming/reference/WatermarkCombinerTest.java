package org.bigdatalab.streaming.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The parallel engine's output watermark is the minimum of its shards'. The spec cannot see this
 * from outside (results and watermarks are separate outputs, and every shard sees the same
 * watermarks, only at different moments), so it is pinned here.
 */
class WatermarkCombinerTest {

  @Test
  void emitsTheMinimumOnlyWhenItRises() {
    Sink<Long> sink = new Sink<>();
    WatermarkCombiner combiner = new WatermarkCombiner(2, sink);
    combiner.advanced(0, 20, 0);
    combiner.advanced(1, 10, 0);
    combiner.advanced(1, 15, 0);
    combiner.advanced(1, 30, 0);
    combiner.advanced(0, 25, 0);
    assertThat(sink.result(0).watermarks()).containsExactly(10L, 15L, 20L, 25L);
  }

  @Test
  void aTypedChunksRisesPassThroughTheMinimumInOrder() {
    Sink<Long> sink = new Sink<>();
    WatermarkCombiner combiner = new WatermarkCombiner(2, sink);
    combiner.advancedThrough(0, new long[] {5, 10, 15, 20}, 4, 0);
    combiner.advancedThrough(1, new long[] {5, 10, 15}, 3, 0); // shard 1 is behind: the minimum is 15
    combiner.advancedThrough(1, new long[] {20, 25}, 2, 0);
    combiner.advancedThrough(0, new long[] {25, 30}, 1, 0); // only the first rise counts
    assertThat(sink.result(0).watermarks()).containsExactly(5L, 10L, 15L, 20L, 25L);
  }

  @Test
  void aRestoreGoesBackToTheCheckpointWithoutReEmittingIt() {
    Sink<Long> sink = new Sink<>();
    WatermarkCombiner combiner = new WatermarkCombiner(2, sink);
    combiner.advanced(0, 10, 0);
    combiner.advanced(1, 10, 0);
    sink.commitBefore(1);
    combiner.advanced(0, 40, 1);
    combiner.advanced(1, 40, 1);
    sink.abort();
    combiner.reset(10);
    combiner.advanced(0, 40, 1);
    combiner.advanced(1, 40, 1);
    assertThat(sink.result(0).watermarks()).containsExactly(10L, 40L);
  }
}
