package org.bigdatalab.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A computed list reads as the list it stands for, cannot be changed, and refuses a null element
 * when read; StreamingResult keeps one as it is (making no element) and still copies any other list.
 */
class ComputedListTest {

  @Test
  void readsAsTheListItStandsForAndCannotBeChanged() {
    List<Long> marks = ComputedList.ofLongs(new long[] {3, 5, 8, 0}, 3);
    assertThat(marks).isEqualTo(List.of(3L, 5L, 8L)).hasSameHashCodeAs(List.of(3L, 5L, 8L));
    assertThatThrownBy(() -> marks.add(1L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> marks.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ComputedList.of(1, i -> null).get(0)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aStreamingResultKeepsAComputedListAndCopiesAnyOther() {
    int[] made = {0};
    List<WindowResult<Long>> computed = ComputedList.of(2, i -> {
      made[0]++;
      return new WindowResult<>("k" + i, new Window(0, 10), (long) i, WindowResult.Firing.FINAL, 10);
    });
    List<Long> marks = new ArrayList<>(List.of(1L, 2L));
    StreamingResult<Long> result = new StreamingResult<>(computed, marks, List.of(), 0, List.of(), 0);
    assertThat(result.results()).isSameAs(computed);
    assertThat(made[0]).as("no result made by the record").isZero();
    marks.set(0, 7L);
    assertThat(result.watermarks()).as("a copy of a plain list").containsExactly(1L, 2L);
    assertThat(result.results()).extracting(WindowResult::key).containsExactly("k0", "k1");
  }
}
