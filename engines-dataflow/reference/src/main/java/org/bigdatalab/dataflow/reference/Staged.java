package org.bigdatalab.dataflow.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A plan evaluated up to an open stage: the tasks that will compute its partitions when the stage
 * runs. Narrow operations wrap the tasks' iterators (so a stage's operations are fused and run
 * record by record); a wide operation runs the stage and starts a new one.
 *
 * @param partitions     number of output partitions
 * @param tasks          in partition order
 * @param start          the operation the stage starts with (for metrics)
 * @param keyPartitioned whether the last shuffle placed records by key (only a broken engine trusts
 *                       this after a map, see the skew self-test)
 */
record Staged(int partitions, List<Task> tasks, String start, boolean keyPartitioned) {

  /** Every task's iterator passed through {@code f}: a narrow operation. */
  Staged narrow(Function<Task, java.util.function.Supplier<java.util.Iterator<Object>>> f) {
    List<Task> out = new ArrayList<>(tasks.size());
    tasks.forEach(t -> out.add(new Task(t.partition(), t.inputRecords(), f.apply(t))));
    return new Staged(partitions, out, start, keyPartitioned);
  }

  /** A new stage reading already computed partitions. */
  static Staged of(List<List<Object>> partitions, String start, boolean keyPartitioned) {
    List<Task> tasks = new ArrayList<>(partitions.size());
    for (int p = 0; p < partitions.size(); p++) {
      List<Object> records = partitions.get(p);
      tasks.add(new Task(p, records.size(), records::iterator));
    }
    return new Staged(partitions.size(), tasks, start, keyPartitioned);
  }

  List<Long> taskInputRecords() {
    return tasks.stream().map(Task::inputRecords).toList();
  }
}
