package org.bigdatalab.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** StatelessResult keeps its own immutable copy of the outputs, made in blocks: the same list, in order, for any size. */
class StatelessResultTest {

  @Test
  void outputsAcrossSeveralBlocksAreTheSameListInOrder() {
    List<Integer> outputs = new ArrayList<>(IntStream.range(0, 3 * 16_384 + 7).boxed().toList());
    StatelessResult<Integer> result = new StatelessResult<>(outputs, List.of());
    assertThat(result.outputs()).isEqualTo(outputs).hasSize(outputs.size());
    assertThat(result.outputs().get(16_384)).isEqualTo(16_384);
    outputs.set(0, -1);
    assertThat(result.outputs().get(0)).as("a copy, not a view").isZero();
    assertThatThrownBy(() -> result.outputs().add(1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> result.outputs().get(outputs.size())).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(new StatelessResult<>(List.of(), List.of()).outputs()).isEmpty();
  }

  @Test
  void aNullOutputIsRefused() {
    List<String> outputs = new ArrayList<>(List.of("a", "b"));
    outputs.add(null);
    assertThatThrownBy(() -> new StatelessResult<>(outputs, List.of())).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("null");
  }
}
