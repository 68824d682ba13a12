package org.bigdatalab.bench;

import java.util.List;

/** Every workload of {@code lab bench}, by name. A new workload (cap, lambda-kappa, tables) is one class and one entry here. */
public final class Workloads {
  public static final List<Workload> ALL = List.of(new WordCountWorkload(), new TeraSortWorkload(), new DfsWorkload(),
      new SkewWorkload(), new NexmarkWorkload(), new CapWorkload(), new LambdaKappaWorkload(), new TablesWorkload());

  private Workloads() {}

  public static Workload named(String name) {
    return ALL.stream().filter(w -> w.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + name + "'; known: " + names()));
  }

  public static List<String> names() {
    return ALL.stream().map(Workload::name).toList();
  }
}
