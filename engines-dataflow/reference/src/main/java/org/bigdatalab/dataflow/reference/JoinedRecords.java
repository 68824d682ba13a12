package org.bigdatalab.dataflow.reference;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.bigdatalab.dataflow.Plan;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;

/**
 * A join task's output: each left record paired with every right value of its key, in order, made
 * one at a time as the task reads them (no list or stream per left record: a join's left side is
 * its large side). A left outer join keeps a left record without a match, paired with null.
 */
final class JoinedRecords implements Iterator<Object> {
  private final Iterator<Object> left;
  private final Map<Object, List<Object>> right;
  private final boolean outer;
  private KeyValue<?, ?> current;
  private List<Object> matches = List.of();
  private int next;
  private boolean unmatchedPending;

  JoinedRecords(Iterator<Object> left, Map<Object, List<Object>> right, Plan.JoinType type) {
    this.left = left;
    this.right = right;
    this.outer = type == Plan.JoinType.LEFT_OUTER;
  }

  @Override
  public boolean hasNext() {
    while (next >= matches.size() && !unmatchedPending) {
      if (!left.hasNext()) {
        return false;
      }
      current = (KeyValue<?, ?>) left.next();
      matches = right.getOrDefault(current.key(), List.of());
      next = 0;
      unmatchedPending = outer && matches.isEmpty();
    }
    return true;
  }

  @Override
  public Object next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (unmatchedPending) {
      unmatchedPending = false;
      return KeyValue.of(current.key(), Pair.of(current.value(), null));
    }
    return KeyValue.of(current.key(), Pair.of(current.value(), matches.get(next++)));
  }
}
