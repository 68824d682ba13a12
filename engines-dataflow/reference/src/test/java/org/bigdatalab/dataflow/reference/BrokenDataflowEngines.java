package org.bigdatalab.dataflow.reference;

import java.nio.file.Path;
import java.util.Objects;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionResult;
import org.bigdatalab.dataflow.DataflowFailedException;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;

/**
 * Deliberately broken dataflow engines, each wrong in one classic way. {@link DataflowSelfTest}
 * shows that the matching clause, dataflow or skew, catches each one: a clause no broken engine
 * fails has no teeth.
 */
final class BrokenDataflowEngines {
  private BrokenDataflowEngines() {}

  private static EngineInfo broken(String id, String what) {
    return EngineInfo.builder(id, Topic.DATAFLOW).kind(EngineInfo.Kind.BROKEN).description(what).build();
  }

  /** Runs every action's plan twice (say, once to size the result and once to fill it). */
  static final class EvaluatesTwice extends SequentialDataflow {
    @Override public EngineInfo info() { return broken("broken-evaluates-twice", "evaluates each action's lineage twice"); }

    @Override
    public <R> ActionResult<R> execute(Action<R> action) throws DataflowFailedException {
      super.execute(new Action.Count(action.plan()));
      return super.execute(action);
    }
  }

  /** sortBy sorts each partition but never range-partitions: the collected sequence is not sorted. */
  static final class SortsWithinPartitions extends SequentialDataflow {
    @Override public EngineInfo info() { return broken("broken-sorts-within-partitions", "sortBy without the range shuffle"); }
    @Override protected boolean sortsGlobally() { return false; }
  }

  /** coalesce implemented as a round-robin shuffle into fewer partitions. */
  static final class CoalesceShuffles extends SequentialDataflow {
    @Override public EngineInfo info() { return broken("broken-coalesce-shuffles", "coalesce(n) as a shuffle"); }

    @Override
    protected Staged coalesce(PlanEvaluator evaluator, Staged in, int partitions) throws DataflowFailedException {
      int n = Math.min(partitions, in.partitions());
      int[] next = {0};
      return Staged.of(evaluator.shuffle(in, n, x -> next[0]++, null), "coalesce", false);
    }
  }

  /** reduceByKey and aggregateByKey shuffle every record: no map-side combine. */
  static final class NoMapSideCombine extends SequentialDataflow {
    @Override public EngineInfo info() { return broken("broken-no-map-side-combine", "reduceByKey without a combiner"); }
    @Override protected boolean combinesMapSide() { return false; }
  }

  /** A broadcast join planned as a shuffle join: right results, but the large side is shuffled. */
  static final class BroadcastAsShuffle extends SequentialDataflow {
    @Override public EngineInfo info() { return broken("broken-broadcast-as-shuffle", "broadcast join shuffles both sides"); }
    @Override protected boolean broadcastsAsShuffle() { return true; }
  }

  /** cache() accepted and ignored: every action recomputes the lineage. */
  static final class IgnoresCache extends SequentialDataflow {
    @Override public EngineInfo info() { return broken("broken-ignores-cache", "recomputes cached datasets"); }
    @Override protected boolean keepsCache() { return false; }
  }

  /** save writes part files straight into the output directory: a failed save leaves partial output. */
  static final class SavesInPlace extends SequentialDataflow {
    @Override public EngineInfo info() { return broken("broken-saves-in-place", "no staging directory for saves"); }
    @Override protected Path stagingDirFor(Path dir) { return dir; }
    @Override protected void deleteQuietly(Path dir) {}
  }

  /**
   * Trusts that records are still partitioned by key after a map, so a reduceByKey after a shuffle
   * by key does not shuffle again: exactly the seed's one-stage salting result (one output per salted key).
   */
  static final class KeepsPartitionerThroughMap extends SequentialDataflow {
    @Override public EngineInfo info() { return broken("broken-keeps-partitioner", "reduceByKey skips the shuffle after a map"); }
    @Override protected boolean shufflesAgain(Staged input) { return !input.keyPartitioned(); }
  }

  /** Hash partitioning by the high 16 bits only: keys whose hashes differ in low bits (salts) collide. */
  static final class WeakHashPartitioning extends ParallelDataflow {
    WeakHashPartitioning() { super(2); }
    @Override public EngineInfo info() { return broken("broken-weak-hash", "partitions by the hash's high bits"); }
    @Override protected int partitionOf(Object key, int partitions) { return Math.floorMod(Objects.hashCode(key) >>> 16, partitions); }
  }

  /** Claims adaptive skew joins but never splits a partition. */
  static final class NeverSplitsSkew extends ParallelDataflow {
    NeverSplitsSkew() { super(2); }
    @Override public EngineInfo info() { return broken("broken-never-splits-skew", "ignores the skew-join policy"); }
    @Override protected boolean splitsSkewedJoins() { return false; }
  }

  /** distinct removes duplicates within each partition only, without a shuffle. */
  static final class DistinctWithinPartitions extends SequentialDataflow {
    @Override public EngineInfo info() { return broken("broken-local-distinct", "distinct without a shuffle"); }
    @Override protected boolean distinctAcrossPartitions() { return false; }
  }

  /**
   * The fused columnar aggregate's shuffle read skips the last map task's output (an off-by-one
   * over the map outputs): the keys only that slice held vanish, the others lose its partial sums.
   * The boxed path is untouched, so only checks that run a declared aggregate over columns see it.
   */
  static final class DropsLastColumnarTable extends ParallelDataflow {
    DropsLastColumnarTable() { super(2); }
    @Override public EngineInfo info() { return broken("broken-drops-columnar-table", "fused aggregate loses a map task's table"); }

    @Override
    protected FusedLongAggregate fusedLongAggregate() {
      return new FusedLongAggregate() {
        @Override
        java.util.List<MapOutput> shuffleRead(java.util.List<MapOutput> written) {
          return written.subList(0, written.size() - 1);
        }
      };
    }
  }

  /**
   * The primitive record path folds with the wrong operator: every recognised long merge (min and max
   * too) as a sum. A declared min or max over boxed records, or reduceByKey(Math::max) over them, is
   * then wrong; a sum stays right, and the general path is untouched.
   */
  static final class FoldsEveryLongMergeAsSum extends ParallelDataflow {
    FoldsEveryLongMergeAsSum() { super(2); }
    @Override public EngineInfo info() { return broken("broken-long-records-as-sum", "record path folds min and max as sums"); }

    @Override
    protected RecordLongReduce recordLongReduce() {
      return new RecordLongReduce() {
        @Override
        org.bigdatalab.dataflow.LongAggregate aggregateOf(LongCombine op) {
          return org.bigdatalab.dataflow.LongAggregate.SUM;
        }
      };
    }
  }
}
