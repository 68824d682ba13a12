package org.bigdatalab.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The window arithmetic every engine and the oracle share: the examples of {@link Windows}, checked. */
class WindowsTest {

  @Test
  void tumblingStartsAtMultiplesOfTheSizeNegativeTimesIncluded() {
    assertThat(Windows.tumbling(5).assign(7)).containsExactly(new Window(5, 10));
    assertThat(Windows.tumbling(5).assign(-1)).containsExactly(new Window(-5, 0));
    assertThat(Windows.tumbling(5).assign(-5)).containsExactly(new Window(-5, 0));
  }

  @Test
  void slidingPutsEachTimeInSizeOverSlideWindows() {
    assertThat(Windows.sliding(10, 5).assign(7)).containsExactly(new Window(0, 10), new Window(5, 15));
    assertThat(Windows.sliding(30, 10).assign(-1)).hasSize(3).allMatch(w -> w.contains(-1));
    assertThatThrownBy(() -> Windows.sliding(10, 4)).hasMessageContaining("multiple of the slide");
  }

  @Test
  void sessionsTouchingMerge() {
    Window first = Windows.session(3).assign(7).get(0);
    assertThat(first).isEqualTo(new Window(7, 10));
    assertThat(first.touches(new Window(10, 13))).as("exactly one gap apart").isTrue();
    assertThat(first.touches(new Window(11, 14))).isFalse();
    assertThat(first.cover(new Window(10, 13))).isEqualTo(new Window(7, 13));
  }

  @Test
  void jobTimesSaturateInsteadOfOverflowing() {
    assertThat(StreamingJob.plus(Long.MAX_VALUE - 1, 5)).isEqualTo(Long.MAX_VALUE);
    assertThat(StreamingJob.plus(10, 5)).isEqualTo(15);
    assertThat(StreamingJob.plus(Long.MIN_VALUE, 5)).isEqualTo(Long.MIN_VALUE + 5);
  }

  @Test
  void jobsRefuseNegativeBounds() {
    StreamingJob<String, Long, Long> job = StreamingJob.of("j", line -> line, line -> line, line -> 0L,
        Windows.tumbling(5), Aggregate.count());
    assertThatThrownBy(() -> job.withOutOfOrderness(-1)).hasMessageContaining("must not be negative");
    assertThat(job.withAllowedLateness(3).withMode(StreamingJob.OutputMode.UPDATES))
        .extracting(StreamingJob::allowedLateness, StreamingJob::mode).containsExactly(3L, StreamingJob.OutputMode.UPDATES);
  }
}
