package org.bigdatalab.dataflow.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.dataflow.HashPartitioning;
import org.bigdatalab.dataflow.Plan;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;

/**
 * The dataflow oracle: evaluates a plan into partitions with the plainest code that follows the
 * SPI's words, one operation at a time, on one thread, keeping nothing between calls. It has no
 * stages, metrics or cache; properties compare engines with it on records only.
 */
public final class DataflowOracle {
  private DataflowOracle() {}

  /** All records, partition after partition. */
  public static List<Object> collect(Plan plan) {
    List<Object> all = new ArrayList<>();
    partitions(plan).forEach(all::addAll);
    return all;
  }

  public static List<List<Object>> partitions(Plan plan) {
    if (plan instanceof Plan.Parallelize p) {
      return slice(p.data(), p.partitions());
    }
    if (plan instanceof Plan.IntLongColumns c) {
      List<Object> records = new ArrayList<>();
      for (int j = 0; j < c.size(); j++) {
        records.add(KeyValue.of(c.keys()[j], c.values()[j]));
      }
      return slice(records, c.partitions());
    }
    if (plan instanceof Plan.TextFile t) {
      List<Object> lines = new ArrayList<>();
      try {
        for (String file : t.files()) {
          lines.addAll(Files.readAllLines(Path.of(file)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return slice(lines, t.partitions());
    }
    if (plan instanceof Plan.CacheOp c) {
      return partitions(c.input());
    }
    if (plan instanceof Plan.UnionOp u) {
      List<List<Object>> out = new ArrayList<>(partitions(u.left()));
      out.addAll(partitions(u.right()));
      return out;
    }
    if (plan instanceof Plan.JoinOp j) {
      return join(j);
    }
    List<List<Object>> in = partitions(plan.inputs().get(0));
    int n = plan instanceof Plan.RepartitionOp r ? r.partitions() : defaultCount(plan, in.size());
    List<List<Object>> out = new ArrayList<>();
    if (plan instanceof Plan.MapOp m) {
      in.forEach(part -> out.add(new ArrayList<>(part.stream().map(m.f()).toList())));
    } else if (plan instanceof Plan.FlatMapOp f) {
      in.forEach(part -> {
        List<Object> o = new ArrayList<>();
        part.forEach(x -> f.f().apply(x).forEach(o::add));
        out.add(o);
      });
    } else if (plan instanceof Plan.FilterOp f) {
      in.forEach(part -> out.add(new ArrayList<>(part.stream().filter(f.p()).toList())));
    } else if (plan instanceof Plan.MapPartitionsOp m) {
      for (int i = 0; i < in.size(); i++) {
        out.add(new ArrayList<>(m.f().apply(i, List.copyOf(in.get(i)))));
      }
    } else if (plan instanceof Plan.CoalesceOp c) {
      int m = Math.min(c.partitions(), in.size());
      for (int i = 0; i < m; i++) {
        List<Object> o = new ArrayList<>();
        for (int k = i * in.size() / m; k < (i + 1) * in.size() / m; k++) {
          o.addAll(in.get(k));
        }
        out.add(o);
      }
    } else if (plan instanceof Plan.SortByOp s) {
      List<Object> all = new ArrayList<>();
      in.forEach(all::addAll);
      all.sort((a, b) -> s.order().compare(s.key().apply(a), s.key().apply(b)));
      return slice(all, n);
    } else if (plan instanceof Plan.RepartitionOp r && r.key() == null) {
      emptyPartitions(out, n);
      for (int i = 0; i < in.size(); i++) {
        for (int j = 0; j < in.get(i).size(); j++) {
          out.get((i + j) % n).add(in.get(i).get(j));
        }
      }
    } else {
      return byKey(plan, in, n);
    }
    return out;
  }

  /** The shuffles by key: every record's key decides its partition, then the operation runs per key. */
  @SuppressWarnings("unchecked")
  private static List<List<Object>> byKey(Plan plan, List<List<Object>> in, int n) {
    List<Map<Object, List<Object>>> groups = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      groups.add(new LinkedHashMap<>());
    }
    for (List<Object> part : in) {
      for (Object x : part) {
        Object key = keyOf(plan, x);
        groups.get(HashPartitioning.partition(key, n)).computeIfAbsent(key, k -> new ArrayList<>()).add(x);
      }
    }
    List<List<Object>> out = new ArrayList<>();
    for (Map<Object, List<Object>> group : groups) {
      List<Object> o = new ArrayList<>();
      group.forEach((key, records) -> {
        List<Object> values = records.stream().map(r -> r instanceof KeyValue<?, ?> kv ? kv.value() : r).toList();
        if (plan instanceof Plan.ReduceByKeyOp r) {
          o.add(KeyValue.of(key, values.stream().reduce(r.f()).orElseThrow()));
        } else if (plan instanceof Plan.LongAggregateByKeyOp a) {
          o.add(KeyValue.of(key, values.stream().map(v -> a.aggregate().lift(v)).reduce(a.aggregate()::merge).orElseThrow()));
        } else if (plan instanceof Plan.AggregateByKeyOp a) {
          Object acc = a.zero().get();
          for (Object v : values) {
            acc = a.fold().apply(acc, v);
          }
          o.add(KeyValue.of(key, acc));
        } else if (plan instanceof Plan.GroupByKeyOp) {
          o.add(KeyValue.of(key, List.copyOf(values)));
        } else if (plan instanceof Plan.DistinctOp) {
          o.add(key);
        } else {
          o.addAll(records);
        }
      });
      out.add(o);
    }
    return out;
  }

  private static Object keyOf(Plan plan, Object record) {
    if (plan instanceof Plan.DistinctOp) {
      return record;
    }
    if (plan instanceof Plan.RepartitionOp r) {
      return r.key().apply(record);
    }
    return ((KeyValue<?, ?>) record).key();
  }

  private static List<List<Object>> join(Plan.JoinOp j) {
    List<List<Object>> left = partitions(j.left());
    Map<Object, List<Object>> right = new LinkedHashMap<>();
    for (List<Object> part : partitions(j.right())) {
      for (Object x : part) {
        KeyValue<?, ?> kv = (KeyValue<?, ?>) x;
        right.computeIfAbsent(kv.key(), k -> new ArrayList<>()).add(kv.value());
      }
    }
    List<List<Object>> out = new ArrayList<>();
    int n = j.strategy() == Plan.JoinStrategy.BROADCAST ? left.size() : j.partitions() == 0 ? left.size() : j.partitions();
    emptyPartitions(out, n);
    for (int i = 0; i < left.size(); i++) {
      for (Object x : left.get(i)) {
        KeyValue<?, ?> kv = (KeyValue<?, ?>) x;
        int p = j.strategy() == Plan.JoinStrategy.BROADCAST ? i : HashPartitioning.partition(kv.key(), n);
        List<Object> ws = right.getOrDefault(kv.key(), List.of());
        ws.forEach(w -> out.get(p).add(KeyValue.of(kv.key(), Pair.of(kv.value(), w))));
        if (ws.isEmpty() && j.type() == Plan.JoinType.LEFT_OUTER) {
          out.get(p).add(KeyValue.of(kv.key(), Pair.of(kv.value(), null)));
        }
      }
    }
    return out;
  }

  private static int defaultCount(Plan plan, int inputPartitions) {
    int asked = plan instanceof Plan.ReduceByKeyOp r ? r.partitions()
        : plan instanceof Plan.AggregateByKeyOp a ? a.partitions()
        : plan instanceof Plan.LongAggregateByKeyOp a ? a.partitions()
        : plan instanceof Plan.GroupByKeyOp g ? g.partitions()
        : plan instanceof Plan.DistinctOp d ? d.partitions()
        : plan instanceof Plan.SortByOp s ? s.partitions() : 0;
    return asked == 0 ? inputPartitions : asked;
  }

  /** Contiguous slices: slice i holds [i*n/p, (i+1)*n/p), as Spark's parallelize. */
  public static List<List<Object>> slice(List<Object> data, int p) {
    List<List<Object>> out = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      out.add(new ArrayList<>(data.subList((int) ((long) i * data.size() / p), (int) ((long) (i + 1) * data.size() / p))));
    }
    return out;
  }

  private static void emptyPartitions(List<List<Object>> out, int n) {
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
  }
}
