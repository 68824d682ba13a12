package org.bigdatalab.dataflow.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.bigdatalab.dataflow.Fn;
import org.bigdatalab.dataflow.LongAggregate;
import org.bigdatalab.dataflow.Plan;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;
import scala.Tuple2;

/**
 * Translates a plan into Spark RDDs, operation by operation, with Spark's own operators (so Spark's
 * shuffles, map-side combine and coalescing are what the spec checks). Every shuffle by key uses
 * Spark's {@link HashPartitioner}, which is the SPI's pinned hash partitioning. The lambdas handed
 * to Spark capture only the plan's serializable functions and numbers, never this planner. They are
 * lambdas, not bound method references ({@code f::apply}): javac gives two bound references to the
 * same method one deserialization case, which casts the second one's captured function to the first
 * one's type (JDK-8208752), and Spark deserializes every task's closures.
 *
 * <p>Cached datasets map to one RDD per {@link Plan.CacheOp}, marked with {@code cache()}, so Spark
 * keeps its blocks between actions.
 */
final class RddPlanner {
  private final JavaSparkContext sc;
  private final Map<Long, JavaRDD<Object>> cached;

  RddPlanner(JavaSparkContext sc, Map<Long, JavaRDD<Object>> cached) {
    this.sc = sc;
    this.cached = cached;
  }

  JavaRDD<Object> rdd(Plan plan) {
    if (plan instanceof Plan.Parallelize p) {
      return sc.parallelize(p.data(), p.partitions());
    }
    if (plan instanceof Plan.IntLongColumns c) {
      List<ColumnSlice> slices = new ArrayList<>(c.partitions());
      for (int p = 0; p < c.partitions(); p++) {
        slices.add(ColumnSlice.of(c, p));
      }
      return sc.parallelize(slices, c.partitions()).flatMap(slice -> slice.records());
    }
    if (plan instanceof Plan.TextFile t) {
      return sc.textFile(String.join(",", t.files()), t.partitions()).map(line -> (Object) line);
    }
    if (plan instanceof Plan.MapOp m) {
      Fn.Map<Object, Object> f = m.f();
      return rdd(m.input()).map(x -> f.apply(x));
    }
    if (plan instanceof Plan.FilterOp op) {
      Fn.Predicate<Object> p = op.p();
      return rdd(op.input()).filter(x -> p.test(x));
    }
    if (plan instanceof Plan.FlatMapOp op) {
      Fn.FlatMap<Object, Object> f = op.f();
      return rdd(op.input()).flatMap(x -> f.apply(x).iterator());
    }
    if (plan instanceof Plan.MapPartitionsOp op) {
      Fn.Partition<Object, Object> f = op.f();
      return rdd(op.input()).mapPartitionsWithIndex((i, it) -> f.apply(i, drain(it)).iterator(), false);
    }
    if (plan instanceof Plan.UnionOp u) {
      return rdd(u.left()).union(rdd(u.right()));
    }
    if (plan instanceof Plan.CoalesceOp c) {
      return rdd(c.input()).coalesce(c.partitions(), false);
    }
    if (plan instanceof Plan.CacheOp c) {
      JavaRDD<Object> rdd = cached.get(c.id());
      if (rdd == null) {
        rdd = rdd(c.input()).cache();
        cached.put(c.id(), rdd);
      }
      return rdd;
    }
    if (plan instanceof Plan.JoinOp j) {
      return j.strategy() == Plan.JoinStrategy.BROADCAST ? broadcastJoin(j) : shuffleJoin(j);
    }
    return wide(plan, rdd(plan.inputs().get(0)));
  }

  private static JavaRDD<Object> wide(Plan plan, JavaRDD<Object> in) {
    if (plan instanceof Plan.ReduceByKeyOp r) {
      Fn.Combine<Object> f = r.f();
      return records(pairs(in).reduceByKey(partitioner(r.partitions(), in), (a, b) -> f.apply(a, b)));
    }
    if (plan instanceof Plan.LongAggregateByKeyOp a) {
      LongAggregate aggregate = a.aggregate();
      return records(pairs(in).mapValues(v -> (Object) aggregate.lift(v))
          .reduceByKey(partitioner(a.partitions(), in), (x, y) -> (Object) aggregate.merge((Long) x, (Long) y)));
    }
    if (plan instanceof Plan.AggregateByKeyOp a) {
      Fn.Zero<Object> zero = a.zero();
      Fn.Fold<Object, Object> fold = a.fold();
      Fn.Combine<Object> combine = a.combine();
      return records(pairs(in).combineByKey(v -> fold.apply(zero.get(), v), (acc, v) -> fold.apply(acc, v), (x, y) -> combine.apply(x, y),
          partitioner(a.partitions(), in)));
    }
    if (plan instanceof Plan.GroupByKeyOp g) {
      return records(pairs(in).groupByKey(partitioner(g.partitions(), in)).mapValues(vs -> {
        List<Object> list = new ArrayList<>();
        vs.forEach(list::add);
        return (Object) List.copyOf(list);
      }));
    }
    if (plan instanceof Plan.DistinctOp d) {
      return in.distinct(count(d.partitions(), in));
    }
    if (plan instanceof Plan.SortByOp s) {
      Fn.Map<Object, Object> key = s.key();
      return in.keyBy(x -> key.apply(x)).sortByKey(s.order(), true, count(s.partitions(), in)).values();
    }
    if (plan instanceof Plan.RepartitionOp r) {
      int n = r.partitions();
      if (r.key() != null) {
        Fn.Map<Object, Object> key = r.key();
        return in.keyBy(x -> key.apply(x)).partitionBy(new HashPartitioner(n)).values();
      }
      JavaRDD<Tuple2<Object, Object>> spread = in.mapPartitionsWithIndex((i, it) -> {
        List<Tuple2<Object, Object>> out = new ArrayList<>();
        int j = 0;
        while (it.hasNext()) {
          out.add(new Tuple2<>(Math.floorMod(i + j++, n), it.next()));
        }
        return out.iterator();
      }, false);
      return JavaPairRDD.fromJavaRDD(spread).partitionBy(new HashPartitioner(n)).values();
    }
    throw new IllegalArgumentException("unknown operation " + plan.name());
  }

  private JavaRDD<Object> shuffleJoin(Plan.JoinOp j) {
    JavaRDD<Object> left = rdd(j.left());
    HashPartitioner partitioner = partitioner(j.partitions(), left);
    JavaPairRDD<Object, Object> l = pairs(left);
    JavaPairRDD<Object, Object> r = pairs(rdd(j.right()));
    if (j.type() == Plan.JoinType.LEFT_OUTER) {
      return l.leftOuterJoin(r, partitioner)
          .map(t -> (Object) KeyValue.of(t._1(), Pair.of(t._2()._1(), t._2()._2().orNull())));
    }
    return l.join(r, partitioner).map(t -> (Object) KeyValue.of(t._1(), Pair.of(t._2()._1(), t._2()._2())));
  }

  /** The small side collected to the driver, broadcast, and joined inside the large side's tasks: no shuffle. */
  private JavaRDD<Object> broadcastJoin(Plan.JoinOp j) {
    // tag::guide-broadcast[] (shown in the study guide)
    Map<Object, List<Object>> table = new HashMap<>();
    for (Object x : rdd(j.right()).collect()) {
      KeyValue<?, ?> kv = (KeyValue<?, ?>) x;
      table.computeIfAbsent(kv.key(), k -> new ArrayList<>()).add(kv.value());
    }
    Broadcast<Map<Object, List<Object>>> small = sc.broadcast(table);
    boolean outer = j.type() == Plan.JoinType.LEFT_OUTER;
    return rdd(j.left()).flatMap(x -> {
      KeyValue<?, ?> kv = (KeyValue<?, ?>) x;
      List<Object> ws = small.value().getOrDefault(kv.key(), List.of());
      List<Object> out = new ArrayList<>();
      ws.forEach(w -> out.add(KeyValue.of(kv.key(), Pair.of(kv.value(), w))));
      if (ws.isEmpty() && outer) {
        out.add(KeyValue.of(kv.key(), Pair.of(kv.value(), null)));
      }
      return out.iterator();
    });
    // end::guide-broadcast[]
  }

  private static JavaPairRDD<Object, Object> pairs(JavaRDD<Object> rdd) {
    return rdd.mapToPair(x -> {
      KeyValue<?, ?> kv = (KeyValue<?, ?>) x;
      return new Tuple2<>(kv.key(), kv.value());
    });
  }

  private static JavaRDD<Object> records(JavaPairRDD<Object, Object> pairs) {
    return pairs.map(t -> (Object) KeyValue.of(t._1(), t._2()));
  }

  private static HashPartitioner partitioner(int asked, JavaRDD<Object> in) {
    return new HashPartitioner(count(asked, in));
  }

  private static int count(int asked, JavaRDD<Object> in) {
    return asked == 0 ? in.getNumPartitions() : asked;
  }

  private static List<Object> drain(Iterator<Object> it) {
    List<Object> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return List.copyOf(out);
  }
}
