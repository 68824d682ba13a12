package org.bigdatalab.guide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * ClickHouse's MergeTree ideas, small enough to read in one sitting (chapter 16). An insert never
 * touches existing data: it sorts its block by the table's ORDER BY key and writes it as a new
 * immutable <em>part</em>. A background merge later combines parts into one sorted part, the way a
 * k-way merge of sorted runs does. A summing table ({@code SummingMergeTree}) collapses rows with
 * equal keys whenever it merges, adding their values; until then the same key may sit in several
 * parts, so a query must still aggregate. A materialised view is a query run on each inserted block,
 * its result inserted into another table: an incremental aggregate, correct only if its partial
 * results can be combined.
 *
 * @param <R> a row
 */
final class Ch16_MergeTree<R> {
  private final Comparator<R> orderBy;
  private final BinaryOperator<R> sum;   // null: a plain MergeTree keeps every row
  private final List<List<R>> parts = new ArrayList<>();

  private Ch16_MergeTree(Comparator<R> orderBy, BinaryOperator<R> sum) {
    this.orderBy = orderBy;
    this.sum = sum;
  }

  /** ENGINE = MergeTree() ORDER BY key: rows kept as inserted, parts sorted. */
  static <R> Ch16_MergeTree<R> mergeTree(Comparator<R> orderBy) {
    return new Ch16_MergeTree<>(orderBy, null);
  }

  /** ENGINE = SummingMergeTree() ORDER BY key: rows with equal keys added together when parts merge. */
  static <R> Ch16_MergeTree<R> summing(Comparator<R> orderBy, BinaryOperator<R> sum) {
    return new Ch16_MergeTree<>(orderBy, sum);
  }

  // tag::insert[]
  /** An insert: the block sorted by the key (and collapsed, for a summing table), written as a new part. */
  synchronized void insert(List<R> block) {
    List<R> part = new ArrayList<>(block);
    part.sort(orderBy);
    parts.add(collapse(part));
  }

  /** The background merge: all parts into one, in key order; a summing table adds rows of equal key. */
  synchronized void merge() {
    List<R> all = new ArrayList<>();
    parts.forEach(all::addAll);
    all.sort(orderBy);                     // a real merge reads the sorted parts side by side (k-way)
    parts.clear();
    parts.add(collapse(all));
  }

  private List<R> collapse(List<R> sorted) {
    if (sum == null) {
      return List.copyOf(sorted);
    }
    List<R> out = new ArrayList<>();
    for (R row : sorted) {
      int last = out.size() - 1;
      if (last >= 0 && orderBy.compare(out.get(last), row) == 0) {
        out.set(last, sum.apply(out.get(last), row));
      } else {
        out.add(row);
      }
    }
    return out;
  }
  // end::insert[]

  synchronized int parts() {
    return parts.size();
  }

  /** SELECT * : every part's rows, as stored; a summing table may show one key several times before a merge. */
  synchronized List<R> scan() {
    List<R> rows = new ArrayList<>();
    parts.forEach(rows::addAll);
    return rows;
  }

  /** Whether every part is sorted by the key: what lets ClickHouse skip granules by the primary index. */
  synchronized boolean partsSorted() {
    return parts.stream().allMatch(p -> {
      for (int i = 1; i < p.size(); i++) {
        if (orderBy.compare(p.get(i - 1), p.get(i)) > 0) {
          return false;
        }
      }
      return true;
    });
  }

  // tag::view[]
  /** CREATE MATERIALIZED VIEW target AS query: the query runs on each block inserted into source. */
  record MaterializedView<S, T>(Function<List<S>, List<T>> query, Ch16_MergeTree<T> target) {
    void onInsert(List<S> block) {
      target.insert(query.apply(block));
    }
  }
  // end::view[]
}
