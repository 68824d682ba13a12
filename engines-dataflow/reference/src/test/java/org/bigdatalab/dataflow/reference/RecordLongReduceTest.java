package org.bigdatalab.dataflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionResult;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.Fn;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.spi.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * df-parallel's primitive path for a reduceByKey by a recognised long merge over boxed records
 * ({@link RecordLongReduce}), pinned where it can go wrong in its own ways and the suite's small
 * generated inputs do not reach: a map task's columns are kept in chunks of 8192 records, so inputs
 * end just before, on and after chunk boundaries; keys whose span picks the dense array or the hash
 * table (Integer.MIN_VALUE and MAX_VALUE: a span of 2^32); and a record that does not fit (a String
 * key, an Integer value) arriving at a chunk boundary, after which the task's kept records must be
 * merged by the general path, none lost. Each case is compared with df-sequential, the oracle.
 */
class RecordLongReduceTest {
  private static final int CHUNK = 8192;

  @Test
  void sumsMinsAndMaxesAsTheOracleAcrossChunkBoundaries() throws Exception {
    for (int records : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 5}) {
      for (boolean wide : new boolean[] {false, true}) {
        List<Object> input = new ArrayList<>();
        for (int i = 0; i < records; i++) {
          int key = wide ? (i % 3 == 0 ? Integer.MIN_VALUE + i % 7 : Integer.MAX_VALUE - i % 5) : i % 97 - 40;
          input.add(KeyValue.of(key, (long) i * 1_000_003L - 7));
        }
        assertSameAsOracle(input, "records " + records + (wide ? ", keys spanning the ints" : ", keys -40..56"),
            List.of(Long::sum, Math::min, Math::max, Long::max, (a, b) -> a * 31 + b));
      }
    }
  }

  @Test
  void aRecordThatDoesNotFitSendsItsTaskToTheGeneralPathLosingNothing() throws Exception {
    for (int at : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK}) {
      for (Object misfit : new Object[] {KeyValue.of("k", 5L), KeyValue.of(null, 5L), KeyValue.of(3L, 1L)}) {
        List<Object> input = new ArrayList<>();
        for (int i = 0; i < 2 * CHUNK + 3; i++) {
          input.add(i == at ? misfit : KeyValue.of(i % 11, (long) i));
        }
        assertSameAsOracle(input, "misfit " + misfit + " at record " + at, List.of(Long::sum, Math::max));
      }
    }
  }

  /**
   * A task whose keys first sit in the dense array, then, in the middle of a later chunk, bring a key the array
   * must widen to take (5 000: within the span its records allow) or one beyond any array (10^9,
   * Integer.MIN_VALUE: the task moves what it merged into the hash table and goes on there), three times; and,
   * in half the cases, a misfit last, which sends the merged keys to the general path. A widen that loses a slot
   * or a move that loses the array's sums changes a sum. (Written for a SUM that added each record to the array
   * as read, tried on 2026-12-07 and not kept: it measured no faster in the engine; the paths it pins are the
   * chunked fold's own, which no other case here moves from the array to the table.)
   */
  @Test
  void keysBeyondTheDenseArrayMidTaskWidenItOrMoveTheTaskToTheTableLosingNothing() throws Exception {
    for (int far : new int[] {5_000, 1_000_000_000, Integer.MIN_VALUE}) {
      for (boolean misfitLast : new boolean[] {false, true}) {
        List<Object> input = new ArrayList<>();
        for (int i = 0; i < 4 * CHUNK; i++) {
          boolean beyond = i == CHUNK + 100 || i == 2 * CHUNK + 7 || i == 3 * CHUNK - 1;
          input.add(KeyValue.of(beyond ? far + i % 3 : i % 97, (long) i + 1));
        }
        if (misfitLast) {
          input.add(KeyValue.of("k", 5L));
        }
        assertSameAsOracle(input, "keys 0..96, then " + far + " mid-chunk" + (misfitLast ? ", a misfit last" : ""), List.of(Long::sum));
      }
    }
  }

  /** An Integer value among Longs: Long::sum fails on it as written, on both engines alike, when its key has another record. */
  @Test
  void anIntegerValueFailsLongSumAsOnTheOracle() throws Exception {
    List<Object> input = new ArrayList<>();
    for (int i = 0; i < CHUNK + 2; i++) {
      input.add(i == CHUNK ? KeyValue.of(1, 5) : KeyValue.of(i % 3, (long) i));
    }
    assertThat(outcome(new ParallelDataflow(2), input, Long::sum)).isEqualTo(outcome(new SequentialDataflow(), input, Long::sum))
        .isEqualTo(ClassCastException.class);
  }

  private static void assertSameAsOracle(List<Object> input, String what, List<Fn.Combine<Long>> merges) throws Exception {
    for (Fn.Combine<Long> f : merges) {
      Object expected = outcome(new SequentialDataflow(), input, f);
      Object actual = outcome(new ParallelDataflow(2), input, f);
      if (expected instanceof List<?> records) {
        assertThat(new ArrayList<Object>((List<?>) actual)).as(what).containsExactlyInAnyOrderElementsOf(new ArrayList<Object>(records));
      } else {
        assertThat(actual).as(what).isEqualTo(expected);
      }
    }
  }

  /** The collected records of a reduceByKey over {@code input} in one partition (so one map task sees every record), or the exception's class. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object outcome(PartitionedDataflow engine, List<Object> input, Fn.Combine<Long> f) throws Exception {
    try (engine) {
      PairDataset<Object, Long> pairs = PairDataset.of((Dataset) Dataset.of(input, 1));
      ActionResult<List<KeyValue<Object, Long>>> result = engine.execute(Action.collect(pairs.reduceByKey(f, 3).asDataset()));
      return result.value();
    } catch (org.bigdatalab.dataflow.DataflowFailedException e) {
      return e.getCause().getClass();
    }
  }
}
