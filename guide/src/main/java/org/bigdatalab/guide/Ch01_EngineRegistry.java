package org.bigdatalab.guide;

import java.io.PrintStream;
import java.util.Map;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.reference.SequentialMapReduce;
import org.bigdatalab.mapreduce.spec.MapReduceSpec;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.Topic;

/*
 * Why: the spec is written once, against interfaces; engines are many and come and go (ours, and
 * adapters of Hadoop, Spark, Flink...). So nothing in the suite names an engine class. An engine
 * module does two small things:
 *
 *  1. It registers a provider in META-INF/services/org.bigdatalab.spi.EngineProvider. The provider
 *     says who the engine is (EngineInfo: id, topic, kind, and the clauses it does not support, each
 *     with its reason) and creates it. EngineRegistry.load() finds every provider on the class path
 *     with java.util.ServiceLoader; the CLI, the benchmarks and this guide all ask it.
 *  2. It binds the engine to the topic's abstract suite with a class of a few lines (below), so that
 *     `mvn verify` in that module runs every clause against that engine.
 *
 * How: list what the registry holds right now, then look one engine up by id, as every chapter
 * program does.
 */
public final class Ch01_EngineRegistry {
  private Ch01_EngineRegistry() {}

  // tag::binding[]
  /** A binding: all a module writes to run the whole MapReduce spec against its engine. */
  static class SequentialMapReduceConformance extends MapReduceSpec {
    @Override
    protected MapReduceEngine createEngine() {
      return new SequentialMapReduce();
    }
  }
  // end::binding[]

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Lists the registry's MapReduce engines to {@code out} and looks one up. */
  public static void run(PrintStream out) throws Exception {
    // tag::list[]
    EngineRegistry registry = EngineRegistry.load();
    for (EngineInfo info : registry.engines(Topic.MAPREDUCE)) {
      out.printf("%-14s %-9s %s%n", info.id(), info.kind(), info.displayName());
      out.printf("%-14s %-9s %s%n", "", "", info.description());
      Map<String, String> unsupported = info.unsupported();
      out.printf("%-14s %-9s unsupported clauses: %s%n", "", "",
          unsupported.isEmpty() ? "none" : unsupported);
    }
    // end::list[]
    out.println();
    try (MapReduceEngine engine = GuideEngines.find("mr-sequential").orElseThrow()) {
      out.println("looked up by id: " + engine.info().id() + " -> " + engine.getClass().getName());
    }
    out.println("mr-parallel registered: " + registry.find("mr-parallel").isPresent());
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch01_EngineRegistry
end::run[]
 */
