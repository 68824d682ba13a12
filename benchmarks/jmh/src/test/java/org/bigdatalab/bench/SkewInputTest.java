package org.bigdatalab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bigdatalab.spi.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * B05's input as the record rows read it (boxed once, outside the clock), how its task times are
 * summarised and which target each row is held to: pinned, since a wrong record, a wrong "best" or a
 * wrong target would move every verdict without failing a job.
 */
class SkewInputTest {

  private static List<KeyValue<Integer, Long>> read(SkewSlice slice) {
    List<KeyValue<Integer, Long>> out = new ArrayList<>();
    slice.records().forEach(out::add);
    return out;
  }

  @Test
  void aSliceHoldsItsRecordsBoxedUpFrontTheSameOnEveryReadAndBoxesAsReadWhereShipped() throws Exception {
    SkewSlice slice = new SkewSlice(new int[] {7, 200_000, 7}, new long[] {1, 999_999, -3});
    List<KeyValue<Integer, Long>> expected = List.of(KeyValue.of(7, 1L), KeyValue.of(200_000, 999_999L), KeyValue.of(7, -3L));
    assertThat(read(slice)).containsExactlyElementsOf(expected);
    // built once: a second read hands out the very same objects, so no job pays for boxing them
    assertThat(read(slice).get(1)).isSameAs(read(slice).get(1));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(slice);
    }
    SkewSlice shipped;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      shipped = (SkewSlice) in.readObject();
    }
    assertThat(read(shipped)).containsExactlyElementsOf(expected);
    assertThat(shipped.size()).isEqualTo(3);
  }

  @Test
  void theBoxedRecordsByHandGiveTheLoopsSums() {
    B05_SkewedAggregation.Input input = new B05_SkewedAggregation.Input();
    input.data = SkewData.of(5_000, 1.5);
    long[] loop = B05_SkewedAggregation.sumByHand(input.data.keys, input.data.values, input.data.keySpace);
    assertThat(new B05_SkewedAggregation().boxedRecordsByHand(input)).containsExactly(loop);
    assertThat(input.slices().stream().mapToInt(SkewSlice::size).sum()).isEqualTo(5_000);
  }

  @Test
  void bestOfJobsTakesEachFiguresLeastAndSkipsWhatAJobDidNotMeasure() {
    TaskTimes best = TaskTimes.best(List.of(new TaskTimes(9.0, 2.0, null, 5.0), new TaskTimes(4.0, 3.0, 7.0, 6.0),
        new TaskTimes(6.0, 1.0, 8.0, null)));
    assertThat(best).isEqualTo(new TaskTimes(4.0, 1.0, 7.0, 5.0));
    assertThat(TaskTimes.best(List.of(new TaskTimes(null, null, null, null)))).isEqualTo(new TaskTimes(null, null, null, null));
    assertThat(Arrays.asList(TaskTimes.best(List.of()).wallMs())).containsOnlyNulls();
  }

  private static BenchResult row(String engine, double ratio) {
    return new BenchResult("skew", engine, "10M-z0", 2, "records/s", 1, BenchRunner.BASELINE, ratio, null, null, null, null,
        null, null, null, null);
  }

  @Test
  void theRecordRowIsHeldToATenthPerThreadAndTheColumnsRowToAQuarter() {
    // 0.3 of the loop on 2 threads is 0.15 per thread: over the record row's 0.1, under the columns row's 0.25
    List<String> lines = SkewTargets.lines(List.of(row("df-parallel", 0.3), row("df-parallel/columns", 0.3)));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("df-parallel per thread 0.150 ").contains("target >= 0.10): met"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("df-parallel/columns per thread 0.150 ").contains("target >= 0.25): NOT met"));
  }
}
