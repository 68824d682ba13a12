package org.bigdatalab.dataflow.reference;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.bigdatalab.dataflow.Fn;
import org.bigdatalab.spi.KeyValue;

/** The oracle's per-key merge: a LinkedHashMap per task, boxed values, one lambda call per record. */
final class MapMerge implements KeyedMerge {
  static final MapMerge INSTANCE = new MapMerge();

  private MapMerge() {}

  @Override
  public Iterator<Object> reduce(Iterator<Object> records, Fn.Combine<Object> f) {
    return byKey(records, (acc, v) -> acc == null ? v : f.apply(acc, v));
  }

  @Override
  public Iterator<Object> fold(Iterator<Object> records, Fn.Zero<Object> zero, Fn.Fold<Object, Object> fold) {
    return byKey(records, (acc, v) -> fold.apply(acc == null ? zero.get() : acc, v));
  }

  @Override
  public Iterator<Object> group(Iterator<Object> records) {
    return table(records).entrySet().stream().map(e -> (Object) KeyValue.of(e.getKey(), List.copyOf(e.getValue()))).iterator();
  }

  /** Each key's values, keys in first-seen order (also the build side of a join). */
  static Map<Object, List<Object>> table(Iterator<Object> records) {
    Map<Object, List<Object>> table = new LinkedHashMap<>();
    records.forEachRemaining(x -> {
      KeyValue<?, ?> kv = (KeyValue<?, ?>) x;
      table.computeIfAbsent(kv.key(), k -> new ArrayList<>()).add(kv.value());
    });
    return table;
  }

  private static Iterator<Object> byKey(Iterator<Object> records, BinaryOperator<Object> merge) {
    Map<Object, Object> acc = new LinkedHashMap<>();
    records.forEachRemaining(x -> {
      KeyValue<?, ?> kv = (KeyValue<?, ?>) x;
      acc.put(kv.key(), merge.apply(acc.get(kv.key()), kv.value()));
    });
    return acc.entrySet().stream().map(e -> (Object) KeyValue.of(e.getKey(), e.getValue())).iterator();
  }
}
