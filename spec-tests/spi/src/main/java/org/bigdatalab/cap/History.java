package org.bigdatalab.cap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations clients saw, in invocation order. Immutable. */
public record History(List<Operation> operations) {
  public History {
    List<Operation> sorted = new ArrayList<>(operations);
    sorted.sort(java.util.Comparator.comparingLong(Operation::invokedAt));
    operations = Collections.unmodifiableList(sorted);
  }

  public int size() { return operations.size(); }

  /** The history split by key: a register store's histories are checked key by key (P-compositionality). */
  public Map<String, History> byKey() {
    Map<String, List<Operation>> keys = new LinkedHashMap<>();
    operations.forEach(o -> keys.computeIfAbsent(o.op().key(), k -> new ArrayList<>()).add(o));
    Map<String, History> split = new LinkedHashMap<>();
    keys.forEach((k, ops) -> split.put(k, new History(ops)));
    return split;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("history of ").append(operations.size()).append(" operations");
    operations.forEach(o -> b.append("\n  ").append(o));
    return b.toString();
  }
}
