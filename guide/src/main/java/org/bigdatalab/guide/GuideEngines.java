package org.bigdatalab.guide;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.EngineRegistry;

/**
 * How the chapter programs find engines: by id, in the one registry, never by class name. An engine
 * that is not on the class path (yet) is reported and skipped, so a chapter still runs on what there
 * is.
 */
public final class GuideEngines {
  /** The project's own MapReduce engines, in the order the guide shows them. */
  public static final List<String> REFERENCE_IDS = List.of("mr-sequential", "mr-parallel");

  private GuideEngines() {}

  // tag::lookup[]
  /** The engine registered under {@code id}, configured with default options. */
  public static Optional<MapReduceEngine> find(String id) {
    EngineRegistry registry = EngineRegistry.load();   // every EngineProvider on the class path
    Optional<EngineProvider> provider = registry.find(id);
    return provider.map(p -> registry.create(id, MapReduceEngine.class, EngineOptions.NONE));
  }

  /** The engine registered under {@code id}; fails with the registry's list of known ids. */
  public static MapReduceEngine create(String id) {
    return EngineRegistry.load().create(id, MapReduceEngine.class, EngineOptions.NONE);
  }
  // end::lookup[]

  /** The engine of any topic registered under {@code id} (a DFS, a dataflow engine), with default options. */
  public static <E extends Engine> E create(String id, Class<E> type) {
    return EngineRegistry.load().create(id, type, EngineOptions.NONE);
  }

  /** Those of {@code ids} that are on the class path; says so for each one that is not. */
  public static List<String> available(List<String> ids, PrintStream out) {
    List<String> found = new ArrayList<>();
    EngineRegistry registry = EngineRegistry.load();
    for (String id : ids) {
      if (registry.find(id).isPresent()) {
        found.add(id);
      } else {
        out.println("(" + id + " is not on the class path yet: skipped)");
      }
    }
    return found;
  }

  /** Those of {@link #REFERENCE_IDS} that are on the class path; says so for each one that is not. */
  public static List<String> availableReferenceIds(PrintStream out) {
    List<String> ids = new ArrayList<>();
    EngineRegistry registry = EngineRegistry.load();
    for (String id : REFERENCE_IDS) {
      if (registry.find(id).isPresent()) {
        ids.add(id);
      } else {
        out.println("(" + id + " is not on the class path yet: skipped)");
      }
    }
    return ids;
  }
}
