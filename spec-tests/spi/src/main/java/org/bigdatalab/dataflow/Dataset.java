package org.bigdatalab.dataflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.spi.KeyValue;

/**
 * A typed, lazy, immutable description of a distributed collection, in the spirit of Spark's RDD:
 * every transformation returns a new description and runs nothing. Hand it to a
 * {@link DataflowEngine} with an {@link Action} (collect, count, …) to compute it.
 *
 * <pre>{@code
 * Dataset<String> lines = Dataset.of(List.of("a b", "b"), 2);
 * PairDataset<String, Long> counts = lines.flatMap(l -> List.of(l.split(" ")))
 *     .mapToPair(w -> KeyValue.of(w, 1L)).reduceByKey(Long::sum);
 * engine.collect(counts.asDataset());   // [a=1, b=2] in some order
 * }</pre>
 *
 * Records must not be null.
 */
public final class Dataset<T> {
  private final Plan plan;

  Dataset(Plan plan) {
    this.plan = plan;
  }

  /** The description an engine executes. */
  public Plan plan() { return plan; }

  /** {@code data} in {@code partitions} contiguous slices (Spark's {@code parallelize(data, numSlices)}). */
  @SuppressWarnings("unchecked")
  public static <T> Dataset<T> of(List<T> data, int partitions) {
    return new Dataset<>(new Plan.Parallelize((List<Object>) data, partitions));
  }

  /** The lines of the files, in file order, in {@code partitions} contiguous slices. */
  public static Dataset<String> textFile(List<Path> files, int partitions) {
    return new Dataset<>(new Plan.TextFile(files.stream().map(Path::toString).toList(), partitions));
  }

  /** Wraps a plan whose records are of type T; for engines and tools that build plans directly. */
  public static <T> Dataset<T> ofPlan(Plan plan) { return new Dataset<>(plan); }

  @SuppressWarnings("unchecked")
  public <U> Dataset<U> map(Fn.Map<? super T, ? extends U> f) {
    return new Dataset<>(new Plan.MapOp(plan, (Fn.Map<Object, Object>) (Fn.Map<?, ?>) f));
  }

  @SuppressWarnings("unchecked")
  public <U> Dataset<U> flatMap(Fn.FlatMap<? super T, ? extends U> f) {
    return new Dataset<>(new Plan.FlatMapOp(plan, (Fn.FlatMap<Object, Object>) (Fn.FlatMap<?, ?>) f));
  }

  @SuppressWarnings("unchecked")
  public Dataset<T> filter(Fn.Predicate<? super T> p) {
    return new Dataset<>(new Plan.FilterOp(plan, (Fn.Predicate<Object>) (Fn.Predicate<?>) p));
  }

  /** A whole partition at a time, with its index; the function must not keep the list. */
  @SuppressWarnings("unchecked")
  public <U> Dataset<U> mapPartitions(Fn.Partition<T, U> f) {
    return new Dataset<>(new Plan.MapPartitionsOp(plan, (Fn.Partition<Object, Object>) (Fn.Partition<?, ?>) f));
  }

  public <K, V> PairDataset<K, V> mapToPair(Fn.Map<? super T, KeyValue<K, V>> f) {
    return new PairDataset<>(map(f).plan);
  }

  /** Records of both, this one's partitions first; narrow, no shuffle. */
  public Dataset<T> union(Dataset<T> other) { return new Dataset<>(new Plan.UnionOp(plan, other.plan)); }

  public Dataset<T> distinct() { return distinct(0); }

  public Dataset<T> distinct(int partitions) { return new Dataset<>(new Plan.DistinctOp(plan, partitions)); }

  /** Sorted by {@code key} in {@code order} across partitions (collect gives the sorted sequence). */
  @SuppressWarnings("unchecked")
  public <S> Dataset<T> sortBy(Fn.Map<? super T, S> key, Fn.Order<? super S> order, int partitions) {
    return new Dataset<>(new Plan.SortByOp(plan, (Fn.Map<Object, Object>) (Fn.Map<?, ?>) key,
        (Fn.Order<Object>) (Fn.Order<?>) order, partitions));
  }

  /** Exactly n partitions, records spread round-robin; a shuffle. */
  public Dataset<T> repartition(int n) { return new Dataset<>(new Plan.RepartitionOp(plan, n, null)); }

  /** Exactly n partitions, all records of a key in one; a shuffle. */
  @SuppressWarnings("unchecked")
  public Dataset<T> repartition(int n, Fn.Map<? super T, ?> key) {
    return new Dataset<>(new Plan.RepartitionOp(plan, n, (Fn.Map<Object, Object>) (Fn.Map<?, ?>) key));
  }

  /** At most n partitions, by joining neighbours; never a shuffle, never more partitions. */
  public Dataset<T> coalesce(int n) { return new Dataset<>(new Plan.CoalesceOp(plan, n)); }

  /** Asks the engine to keep the records after the first action that computes them. */
  public Dataset<T> cache() { return new Dataset<>(Plan.CacheOp.of(plan)); }

  /** The operations from the source to here, for messages: {@code parallelize > map > reduceByKey}. */
  public String lineage() {
    List<String> names = new ArrayList<>();
    for (Plan p = plan; p != null; p = p.inputs().isEmpty() ? null : p.inputs().get(0)) {
      names.add(0, p.name());
    }
    return String.join(" > ", names);
  }

  @Override
  public String toString() { return "Dataset[" + lineage() + "]"; }
}
