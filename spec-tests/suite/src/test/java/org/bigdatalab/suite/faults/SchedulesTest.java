package org.bigdatalab.suite.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.bigdatalab.property.ActionSequence;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.PropertyRunner;
import org.bigdatalab.property.Source;
import org.junit.jupiter.api.Test;

/** Generated fault schedules are ones a cluster could live through, and a failing one shrinks to its core. */
class SchedulesTest {
  private static final Arbitrary<ActionSequence<Step<String>>> SCHEDULES =
      Schedules.of(3, Arbitraries.of("read", "write")).ofMaxSize(40);

  @Test
  void everyFaultIsAllowedWhereItIsDrawn() {
    int partitions = 0;
    int crashes = 0;
    for (long seed = 0; seed < 300; seed++) {
      BitSet down = new BitSet();
      boolean partitioned = false;
      for (Step<String> step : SCHEDULES.generate(Source.sampling(seed)).steps()) {
        if (!(step instanceof Step.Inject<String> inject)) {
          continue;
        }
        Fault fault = inject.fault();
        if (fault instanceof Fault.Crash c) {
          assertThat(down.get(c.node())).as("crash of a down node").isFalse();
          down.set(c.node());
          crashes++;
        } else if (fault instanceof Fault.Restart r) {
          assertThat(down.get(r.node())).as("restart of a running node").isTrue();
          down.clear(r.node());
        } else if (fault instanceof Fault.Partition p) {
          assertThat(partitioned).as("partition of a partitioned cluster").isFalse();
          assertThat(p.side()).isNotEmpty().hasSizeLessThan(3).allMatch(n -> n >= 0 && n < 3);
          partitioned = true;
          partitions++;
        } else if (fault instanceof Fault.Heal) {
          assertThat(partitioned).as("heal without a partition").isTrue();
          partitioned = false;
        } else if (fault instanceof Fault.Drop d) {
          assertThat(d.from()).isNotEqualTo(d.to());
        } else if (fault instanceof Fault.Delay d) {
          assertThat(d.from()).isNotEqualTo(d.to());
        } else if (fault instanceof Fault.Duplicate d) {
          assertThat(d.from()).isNotEqualTo(d.to());
        } else if (fault instanceof Fault.SkewClock sk) {
          assertThat(sk.node()).isBetween(0, 2);
        }
      }
    }
    assertThat(partitions).as("partitions drawn").isPositive();
    assertThat(crashes).as("crashes drawn").isPositive();
  }

  /**
   * A toy store loses a write made during a partition once the partition heals; the shortest
   * schedule that shows it is partition, write, heal, read.
   */
  @Test
  void aFailingScheduleShrinksToItsCore() {
    PropertyRunner.Result<ActionSequence<Step<String>>> result = PropertyRunner.run(PropertyRunner.Settings.of(2000, 11),
        new PropertyRunner.Body<>() {
          @Override
          public ActionSequence<Step<String>> draw(Source source) {
            return SCHEDULES.generate(source);
          }

          @Override
          public void check(ActionSequence<Step<String>> schedule) {
            boolean partitioned = false;
            boolean lost = false;
            boolean writtenInPartition = false;
            for (Step<String> step : schedule.steps()) {
              if (step instanceof Step.Inject<String> i && i.fault() instanceof Fault.Partition) {
                partitioned = true;
              } else if (step instanceof Step.Inject<String> i && i.fault() instanceof Fault.Heal) {
                partitioned = false;
                lost = writtenInPartition;
              } else if (step instanceof Step.Client<String> c && c.op().equals("write")) {
                writtenInPartition = partitioned;
                lost = false;
              } else if (step instanceof Step.Client<String> c && c.op().equals("read") && lost) {
                throw new AssertionError("read lost the write");
              }
            }
          }
        });
    assertThat(result.failure()).isNotNull();
    assertThat(result.failure().minimalInput().toString()).isEqualTo(String.join("\n", List.of(
        "schedule of 4 steps",
        "  1. partition [0] from the rest",
        "  2. client -> n0: write",
        "  3. heal",
        "  4. client -> n0: read")));
  }
}
