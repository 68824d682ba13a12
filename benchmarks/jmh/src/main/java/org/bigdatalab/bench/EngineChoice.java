package org.bigdatalab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.spi.fork.EngineJvm;

/**
 * The engines a run measures, by id: those of the lab JVM's registry ({@code local}), and those
 * that only a forked engine module's registry holds ({@code forked}, per module), which
 * {@link ForkedBench} measures in a JVM of their own.
 */
public record EngineChoice(List<String> local, Map<EngineJvm.Module, List<String>> forked) {

  /** Every chosen id: the local ones, then each module's. */
  public List<String> all() {
    return Stream.concat(local.stream(), forked.values().stream().flatMap(List::stream)).toList();
  }

  /**
   * The non-broken engines of {@code topic} named in {@code requested} (all of them when it is
   * empty, less {@link BenchRunner#EXPENSIVE_STORES} and the cluster rows such as {@code kafka@broker}). Forked modules are asked only when the
   * benchmark has an engine half that can run there ({@code forkable}) and an engine is not found
   * locally; an id found nowhere is skipped with a line to {@code progress}.
   */
  static EngineChoice choose(List<String> requested, Topic topic, boolean forkable, Path root, Consumer<String> progress) {
    boolean all = requested == null || requested.isEmpty();
    // cluster rows (kafka@broker) start a cluster of processes per run: measured only when named
    List<String> known = ids(EngineRegistry.load().engines(topic).stream().filter(e -> !(all && e.onCluster())).toList());
    List<String> skipped = new ArrayList<>();
    if (all) {
      known.stream().filter(BenchRunner.EXPENSIVE_STORES::contains).forEach(skipped::add);
    }
    List<String> local = all ? known.stream().filter(id -> !BenchRunner.EXPENSIVE_STORES.contains(id)).toList()
        : requested.stream().filter(known::contains).toList();
    List<String> missing = all ? List.of() : requested.stream().filter(id -> !known.contains(id)).toList();
    Map<EngineJvm.Module, List<String>> forked = new LinkedHashMap<>();
    List<String> forkedIds = new ArrayList<>();
    for (EngineJvm.Module module : forkable && (all || !missing.isEmpty()) ? EngineJvm.modulesBeyond(EngineRegistry.load(), root)
        : List.<EngineJvm.Module>of()) {
      List<String> ids = ids(module.engines().stream().filter(e -> e.topic() == topic && !(all && e.onCluster())).toList()).stream()
          .filter(id -> !forkedIds.contains(id) && (all || missing.contains(id))).toList();
      if (all) {
        ids.stream().filter(BenchRunner.EXPENSIVE_STORES::contains).forEach(skipped::add);
        ids = ids.stream().filter(id -> !BenchRunner.EXPENSIVE_STORES.contains(id)).toList();
      }
      if (!ids.isEmpty()) {
        forked.put(module, ids);
        forkedIds.addAll(ids);
      }
    }
    if (!skipped.isEmpty()) {
      progress.accept("skipping " + skipped + " by default (slow to set up: a cluster start per combination, or a real broker"
          + " acknowledging each append); name it in --engines to include it");
    }
    for (String id : missing) {
      if (!forkedIds.contains(id)) {
        progress.accept("skipping " + id + ": no " + topic.title() + " engine of that id on the class path (registered: " + known + ")"
            + (forkable ? " nor in a built engine module under " + root : "; this benchmark runs no engine in a JVM of its own"));
      }
    }
    return new EngineChoice(local, forked);
  }

  private static List<String> ids(List<EngineInfo> engines) {
    return engines.stream().filter(i -> i.kind() != EngineInfo.Kind.BROKEN).map(EngineInfo::id).toList();
  }
}
