package org.bigdatalab.suite.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.spi.fork.EngineJvm;

/**
 * Runs the matrix in a JVM of its own, for engines whose dependencies cannot share the CLI's class
 * path (Spark, Kafka Streams). The CLI starts it through {@link EngineJvm} with the engine module's
 * class path; its answer is one record per engine and per result:
 *
 * <pre>
 * engine  ID  NAME  TOPIC  KIND
 * result  ENGINE  CLAUSE  STATUS  DETAIL  CASES  SEED
 * </pre>
 *
 * and its progress lines are {@code ENGINE CLAUSE} as checks finish.
 *
 * <p>Arguments after the answer file: {@code TRIES REAL_TRIES CLUSTER_TRIES TOPIC ONLY_IDS SKIP_IDS SEED [KEY=VALUE...]}: topic
 * and id lists comma-separated, {@code -} for none.
 */
public final class MatrixWorker {
  private MatrixWorker() {}

  public static void main(String[] args) {
    EngineJvm.serve(args, (rest, answer) -> {
      int tries = Integer.parseInt(rest.get(0));
      int realTries = Integer.parseInt(rest.get(1));
      int clusterTries = Integer.parseInt(rest.get(2));
      String topic = rest.get(3);
      Set<String> only = rest.get(4).equals("-") ? Set.of() : Set.of(rest.get(4).split(","));
      Set<String> skip = Set.of(rest.get(5).split(","));
      long seed = Long.parseLong(rest.get(6));
      EngineOptions options = EngineOptions.parse(rest.subList(7, rest.size()));
      for (EngineInfo info : EngineRegistry.load().engines()) {
        if (skip.contains(info.id()) || (!only.isEmpty() && !only.contains(info.id()))
            || (!topic.equals("-") && !info.topic().id().equals(topic))
            || info.kind() == EngineInfo.Kind.BROKEN || Suites.topicsFor(info.topic()).isEmpty()) {
          continue;
        }
        int engineTries = ConformanceRunner.triesFor(info, tries, realTries, clusterTries);
        try (Engine engine = EngineRegistry.load().provider(info.id()).create(options)) {
          // the instance's name, not the provider's: options may change what runs (kafka-streams on a broker)
          EngineInfo running = engine.info();
          answer.println(EngineJvm.record("engine", info.id(), running.displayName(), info.topic().id(), info.kind().name()));
          Matrix matrix = new ConformanceRunner(engineTries, seed, true).run(engine, Set.of(),
              clause -> EngineJvm.progress(info.id() + "\t" + clause));
          for (ClauseResult r : matrix.results()) {
            answer.println(EngineJvm.record("result", r.engine(), r.clause(), r.status().name(), r.detail(),
                Integer.toString(r.cases()), Long.toString(r.seed())));
          }
        }
      }
    });
  }

  /** The worker's answer read back: the engines it ran and their results. */
  public record Answer(List<EngineInfo> engines, List<ClauseResult> results) {
    public static Answer parse(String text) {
      List<EngineInfo> engines = new ArrayList<>();
      List<ClauseResult> results = new ArrayList<>();
      for (String line : text.lines().toList()) {
        String[] f = EngineJvm.fields(line);
        if (f[0].equals("engine")) {
          engines.add(EngineInfo.builder(f[1], Topic.byId(f[3])).displayName(f[2])
              .kind(EngineInfo.Kind.valueOf(f[4])).build());
        } else if (f[0].equals("result")) {
          results.add(new ClauseResult(f[1], f[2], ClauseStatus.valueOf(f[3]), f[4], Integer.parseInt(f[5]),
              Long.parseLong(f[6])));
        }
      }
      return new Answer(engines, results);
    }
  }
}
