package org.bigdatalab.streaming.reference;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.streaming.ComputedList;
import org.bigdatalab.streaming.WindowResult;

/**
 * A run's results in emission order, for {@link Sink#result}: results emitted one by one are
 * gathered into lists (a firing's list in one copy), and a firing emitted as a {@link ComputedList}
 * is kept as it is, so joining them makes none of its results. The whole is a list that makes each
 * of those only when read; when nothing was computed it is a plain list, as before.
 */
final class ResultRuns<R> {
  private final List<List<WindowResult<R>>> runs = new ArrayList<>();
  private List<WindowResult<R>> open;
  private boolean computed;

  void add(WindowResult<R> result) {
    if (open == null) {
      open = new ArrayList<>();
      runs.add(open);
    }
    open.add(result);
  }

  void addAll(List<WindowResult<R>> results) {
    if (results instanceof ComputedList<?>) {
      computed = true;
      runs.add(results);
      open = null;
    } else {
      if (open == null) {
        open = new ArrayList<>();
        runs.add(open);
      }
      open.addAll(results); // one copy of the firing's array, not an add per result
    }
  }

  List<WindowResult<R>> list() {
    if (!computed) { // then all were added one by one, into one run
      return open == null ? List.of() : open;
    }
    return concatenated();
  }

  /** The runs end to end; an element is found by a binary search over where each run starts. */
  private List<WindowResult<R>> concatenated() {
    @SuppressWarnings("unchecked")
    List<WindowResult<R>>[] parts = runs.toArray(new List[0]);
    int[] starts = new int[parts.length + 1];
    for (int p = 0; p < parts.length; p++) {
      starts[p + 1] = starts[p] + parts[p].size();
    }
    return ComputedList.of(starts[parts.length], i -> {
      int p = java.util.Arrays.binarySearch(starts, i);
      p = p >= 0 ? p : -p - 2;
      while (starts[p + 1] == i) { // skip empty runs
        p++;
      }
      return parts[p].get(i - starts[p]);
    });
  }
}
