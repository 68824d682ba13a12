package org.bigdatalab.dataflow.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bigdatalab.dataflow.DataflowFailedException;
import org.bigdatalab.dataflow.Fn;
import org.bigdatalab.dataflow.LongAggregate;
import org.bigdatalab.dataflow.Plan;
import org.bigdatalab.dataflow.SkewJoinPolicy;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;

/**
 * Turns a plan into an open stage for one action. Narrow operations wrap the open stage's tasks;
 * a wide operation runs the open stage through a shuffle (map-side combine first where the
 * operation allows it) and opens the next stage on the shuffled partitions. So stages split at
 * shuffles, and nothing runs until an action asks (all of this happens inside the action).
 */
final class PlanEvaluator {
  private final PartitionedDataflow engine;
  private final StageRunner runner;

  PlanEvaluator(PartitionedDataflow engine, StageRunner runner) {
    this.engine = engine;
    this.runner = runner;
  }

  Staged eval(Plan plan) throws DataflowFailedException {
    if (plan instanceof Plan.Parallelize p) {
      return Staged.of(slice(p.data(), p.partitions()), p.name(), false);
    }
    if (plan instanceof Plan.IntLongColumns c) {
      return columns(c);
    }
    if (plan instanceof Plan.TextFile t) {
      return Staged.of(slice(readLines(t), t.partitions()), t.name(), false);
    }
    if (plan instanceof Plan.MapOp m) {
      return eval(m.input()).narrow(t -> () -> Iterators.map(t.records().get(), m.f()));
    }
    if (plan instanceof Plan.FilterOp f) {
      return eval(f.input()).narrow(t -> () -> Iterators.filter(t.records().get(), f.p()));
    }
    if (plan instanceof Plan.FlatMapOp f) {
      return eval(f.input()).narrow(t -> () -> Iterators.flatMap(t.records().get(), f.f()));
    }
    if (plan instanceof Plan.MapPartitionsOp m) {
      return eval(m.input()).narrow(t -> () ->
          m.f().apply(t.partition(), java.util.Collections.unmodifiableList(Iterators.drain(t.records().get()))).iterator());
    }
    if (plan instanceof Plan.UnionOp u) {
      return union(eval(u.left()), eval(u.right()));
    }
    if (plan instanceof Plan.CoalesceOp c) {
      return engine.coalesce(this, eval(c.input()), c.partitions());
    }
    if (plan instanceof Plan.CacheOp c) {
      return engine.cached(this, c);
    }
    if (plan instanceof Plan.JoinOp j) {
      return j.strategy() == Plan.JoinStrategy.BROADCAST && !engine.broadcastsAsShuffle() ? broadcastJoin(j) : shuffleJoin(j);
    }
    return wide(plan, eval(plan.inputs().get(0)));
  }

  private Staged wide(Plan plan, Staged in) throws DataflowFailedException {
    boolean combine = engine.combinesMapSide();
    KeyedMerge merge = engine.keyedMerge();
    if (plan instanceof Plan.ReduceByKeyOp r) {
      UnaryOperator<Iterator<Object>> reduce = it -> merge.reduce(it, r.f());
      int n = count(r.partitions(), in);
      if (!engine.shufflesAgain(in) && n == in.partitions()) {
        return in.narrow(t -> () -> reduce.apply(t.records().get()));
      }
      Staged primitive = combine ? longRecords(in, n, r.name(), r.f()) : null;
      return primitive != null ? primitive : shuffled(in, n, r.name(), PlanEvaluator::key, combine ? reduce : null, reduce);
    }
    if (plan instanceof Plan.LongAggregateByKeyOp a) {
      return longAggregate(a, in, merge, combine);
    }
    if (plan instanceof Plan.AggregateByKeyOp a) {
      UnaryOperator<Iterator<Object>> fold = it -> merge.fold(it, a.zero(), a.fold());
      UnaryOperator<Iterator<Object>> combined = it -> merge.reduce(it, a.combine());
      return shuffled(in, count(a.partitions(), in), a.name(), PlanEvaluator::key, combine ? fold : null, combine ? combined : fold);
    }
    if (plan instanceof Plan.GroupByKeyOp g) {
      return shuffled(in, count(g.partitions(), in), g.name(), PlanEvaluator::key, null, merge::group);
    }
    if (plan instanceof Plan.DistinctOp d) {
      UnaryOperator<Iterator<Object>> dedupe = it -> new LinkedHashSet<>(Iterators.drain(it)).iterator();
      if (!engine.distinctAcrossPartitions()) {
        return in.narrow(t -> () -> dedupe.apply(t.records().get()));
      }
      return shuffled(in, count(d.partitions(), in), d.name(), x -> x, combine ? dedupe : null, dedupe);
    }
    if (plan instanceof Plan.RepartitionOp r) {
      if (r.key() != null) {
        return shuffled(in, r.partitions(), r.name(), r.key(), null, it -> it);
      }
      return Staged.of(roundRobin(in, r.partitions()), r.name(), false);
    }
    if (plan instanceof Plan.SortByOp s) {
      return sort(s, in);
    }
    throw new IllegalArgumentException("unknown operation " + plan.name());
  }

  /**
   * A declared long aggregate: fused over primitive columns where the engine has such a plan and
   * every task still reads columns; otherwise exactly the reduceByKey it declares (COUNT's values
   * lifted to 1 first), records boxed.
   */
  @SuppressWarnings("unchecked")
  private Staged longAggregate(Plan.LongAggregateByKeyOp a, Staged in, KeyedMerge merge, boolean combine)
      throws DataflowFailedException {
    int n = count(a.partitions(), in);
    FusedLongAggregate fused = engine.fusedLongAggregate();
    if (fused != null && FusedLongAggregate.applies(in)) {
      return fused.run(runner, in, a, n);
    }
    LongAggregate aggregate = a.aggregate();
    Fn.Combine<Object> f = (Fn.Combine<Object>) (Fn.Combine<?>) aggregate.mergeFunction();
    UnaryOperator<Iterator<Object>> reduce = it -> merge.reduce(it, f);
    Staged lifted = aggregate != LongAggregate.COUNT ? in : in.narrow(t -> () -> Iterators.map(t.records().get(),
        x -> KeyValue.of(((KeyValue<?, ?>) x).key(), aggregate.lift(((KeyValue<?, ?>) x).value()))));
    Staged primitive = combine ? longRecords(lifted, n, a.name(), f) : null;
    return primitive != null ? primitive : shuffled(lifted, n, a.name(), PlanEvaluator::key, combine ? reduce : null, reduce);
  }

  /**
   * A combining reduce by {@code f} through the engine's primitive record path ({@link RecordLongReduce}),
   * or null where the engine has none or {@code f} is not a recognised long merge.
   */
  private Staged longRecords(Staged in, int n, String name, Fn.Combine<Object> f) throws DataflowFailedException {
    RecordLongReduce primitive = engine.recordLongReduce();
    LongCombine op = primitive == null ? null : LongCombine.of(f);
    return op == null ? null : primitive.run(engine, runner, in, n, name, op, f);
  }

  /** One task per slice, reading its records boxed; the task keeps its slice for a fused loop to read instead. */
  private static Staged columns(Plan.IntLongColumns c) {
    List<Task> tasks = new ArrayList<>(c.partitions());
    for (int p = 0; p < c.partitions(); p++) {
      ColumnRange slice = ColumnRange.of(c, p);
      tasks.add(new Task(p, slice.size(), slice::records, slice));
    }
    return new Staged(c.partitions(), tasks, c.name(), false);
  }

  /** Runs {@code in} through a shuffle by {@code key} into n partitions and opens the stage that reads them. */
  Staged shuffled(Staged in, int n, String name, Function<Object, Object> key, UnaryOperator<Iterator<Object>> mapSide,
      UnaryOperator<Iterator<Object>> reduceSide) throws DataflowFailedException {
    return Staged.of(shuffle(in, n, key, mapSide), name, true).narrow(t -> () -> reduceSide.apply(t.records().get()));
  }

  /** The shuffled partitions: each task combines its records (when asked) and buckets them by key. */
  List<List<Object>> shuffle(Staged in, int n, Function<Object, Object> key, UnaryOperator<Iterator<Object>> mapSide)
      throws DataflowFailedException {
    List<List<List<Object>>> perTask = runner.run(in, (task, records) -> {
      List<List<Object>> buckets = shuffleBuckets(n);
      (mapSide == null ? records : mapSide.apply(records))
          .forEachRemaining(x -> buckets.get(engine.partitionOf(key.apply(x), n)).add(x));
      return buckets;
    }, buckets -> buckets.stream().mapToLong(List::size).sum(), x -> 0);
    return gather(perTask, n);
  }

  private List<List<Object>> roundRobin(Staged in, int n) throws DataflowFailedException {
    List<List<List<Object>>> perTask = runner.run(in, (task, records) -> {
      List<List<Object>> buckets = shuffleBuckets(n);
      int j = 0;
      while (records.hasNext()) {
        buckets.get(Math.floorMod(task.partition() + j++, n)).add(records.next());
      }
      return buckets;
    }, buckets -> buckets.stream().mapToLong(List::size).sum(), x -> 0);
    return gather(perTask, n);
  }

  private Staged sort(Plan.SortByOp s, Staged in) throws DataflowFailedException {
    int n = count(s.partitions(), in);
    java.util.Comparator<Object> order = (a, b) -> s.order().compare(s.key().apply(a), s.key().apply(b));
    if (!engine.sortsGlobally()) {
      return in.narrow(t -> () -> Iterators.drain(t.records().get()).stream().sorted(order).iterator());
    }
    List<Object> all = new ArrayList<>();
    runner.run(in, (task, records) -> Iterators.drain(records), List::size, x -> 0).forEach(all::addAll);
    try {
      all.sort(order);
    } catch (RuntimeException e) {
      throw runner.driverFailure(s.name(), e);
    }
    return Staged.of(slice(all, n), s.name(), false);
  }

  private Staged broadcastJoin(Plan.JoinOp j) throws DataflowFailedException {
    Staged left = eval(j.left());
    Staged right = eval(j.right());
    List<List<Object>> small = runner.run(right, (task, records) -> Iterators.drain(records), x -> 0, List::size);
    Map<Object, List<Object>> table = MapMerge.table(small.stream().flatMap(List::stream).iterator());
    return left.narrow(t -> () -> join(t.records().get(), table, j.type()));
  }

  private Staged shuffleJoin(Plan.JoinOp j) throws DataflowFailedException {
    Staged leftIn = eval(j.left());
    int n = count(j.partitions(), leftIn);
    List<List<Object>> left = shuffle(leftIn, n, PlanEvaluator::key, null);
    List<List<Object>> right = shuffle(eval(j.right()), n, PlanEvaluator::key, null);
    SkewJoinPolicy policy = engine.splitsSkewedJoins() ? j.skew() : null;
    double median = median(left);
    List<Task> tasks = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      List<Object> part = left.get(r);
      List<Object> other = right.get(r);
      long chunk = policy != null && policy.isSkewed(part.size(), median) ? policy.targetRecords() : Math.max(1, part.size());
      for (int from = 0; from == 0 || from < part.size(); from += (int) chunk) {
        List<Object> piece = part.subList(from, (int) Math.min(part.size(), from + chunk));
        tasks.add(new Task(r, piece.size(), () -> join(piece.iterator(), MapMerge.table(other.iterator()), j.type())));
      }
    }
    return new Staged(n, tasks, "join", true);
  }

  private static Staged union(Staged left, Staged right) {
    List<Task> tasks = new ArrayList<>(left.tasks());
    right.tasks().forEach(t -> tasks.add(new Task(t.partition() + left.partitions(), t.inputRecords(), t.records(), t.columns())));
    String start = left.start().equals(right.start()) ? left.start() : left.start() + "+" + right.start();
    return new Staged(left.partitions() + right.partitions(), tasks, start, false);
  }

  /** Tasks joined into {@code groups} neighbouring groups of partitions, without moving a record. */
  static Staged merge(Staged in, int groups) {
    int m = Math.min(groups, in.partitions());
    List<List<Task>> byGroup = new ArrayList<>();
    for (int g = 0; g < m; g++) {
      byGroup.add(new ArrayList<>());
    }
    for (Task t : in.tasks()) {
      int g = 0;
      while ((long) (g + 1) * in.partitions() / m <= t.partition()) {
        g++;
      }
      byGroup.get(g).add(t);
    }
    List<Task> tasks = new ArrayList<>();
    for (int g = 0; g < m; g++) {
      List<Task> group = byGroup.get(g);
      tasks.add(new Task(g, group.stream().mapToLong(Task::inputRecords).sum(), () -> {
        List<Iterator<Object>> parts = new ArrayList<>();
        group.forEach(t -> parts.add(t.records().get()));
        return Iterators.concat(parts);
      }));
    }
    return new Staged(m, tasks, in.start(), false);
  }

  /** Runs the open stage and returns its partitions (empty ones included). */
  List<List<Object>> partitions(Staged in) throws DataflowFailedException {
    List<List<Object>> perTask = runner.run(in, (task, records) -> Iterators.drain(records), x -> 0, x -> 0);
    List<List<Object>> out = emptyPartitions(in.partitions());
    for (int i = 0; i < perTask.size(); i++) {
      int p = in.tasks().get(i).partition();
      if (out.get(p).isEmpty()) {
        out.set(p, perTask.get(i)); // a task's own new list: not copied (at B05's 100,000 keys a copy was 0.8 MB a job)
      } else {
        out.get(p).addAll(perTask.get(i));
      }
    }
    return out;
  }

  StageRunner runner() { return runner; }

  private static Object key(Object record) {
    return ((KeyValue<?, ?>) record).key();
  }

  private static int count(int asked, Staged in) {
    return asked == 0 ? in.partitions() : asked;
  }

  private static Iterator<Object> join(Iterator<Object> left, Map<Object, List<Object>> right, Plan.JoinType type) {
    return new JoinedRecords(left, right, type);
  }

  private static double median(List<List<Object>> partitions) {
    long[] sizes = partitions.stream().mapToLong(List::size).sorted().toArray();
    int n = sizes.length;
    return n % 2 == 1 ? sizes[n / 2] : (sizes[n / 2 - 1] + sizes[n / 2]) / 2.0;
  }

  private List<List<Object>> gather(List<List<List<Object>>> perTask, int n) {
    List<List<Object>> out = shuffleBuckets(n);
    for (int r = 0; r < n; r++) {
      if (out.get(r) instanceof ShuffleBucket block) {
        long records = 0;
        for (List<List<Object>> buckets : perTask) {
          records += buckets.get(r).size();
        }
        block.expect((int) Math.min(Integer.MAX_VALUE - 8, records));
      }
    }
    perTask.forEach(buckets -> {
      for (int r = 0; r < n; r++) {
        out.get(r).addAll(buckets.get(r));
      }
    });
    return out;
  }

  /** n empty blocks of the engine's shuffle layout. */
  private List<List<Object>> shuffleBuckets(int n) {
    List<List<Object>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(engine.shuffleBucket());
    }
    return out;
  }

  static List<List<Object>> emptyPartitions(int n) {
    List<List<Object>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    return out;
  }

  static List<List<Object>> slice(List<Object> data, int p) {
    List<List<Object>> out = new ArrayList<>(p);
    for (int i = 0; i < p; i++) {
      out.add(data.subList((int) ((long) i * data.size() / p), (int) ((long) (i + 1) * data.size() / p)));
    }
    return out;
  }

  private static List<Object> readLines(Plan.TextFile t) throws DataflowFailedException {
    List<Object> lines = new ArrayList<>();
    for (String file : t.files()) {
      try {
        lines.addAll(Files.readAllLines(Path.of(file)));
      } catch (IOException e) {
        throw new DataflowFailedException("textFile: cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return lines;
  }
}
