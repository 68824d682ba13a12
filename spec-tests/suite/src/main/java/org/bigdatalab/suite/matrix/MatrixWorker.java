package org.bigdatalab.suite.matrix;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;

/**
 * Runs the matrix in a JVM of its own, for engines whose dependencies cannot share the CLI's class
 * path (Spark, Kafka Streams). The CLI starts it with the engine module's class path and reads back
 * one tab-separated line per engine and per result:
 *
 * <pre>
 * engine  ID  NAME  TOPIC  KIND
 * result  ENGINE  CLAUSE  STATUS  DETAIL  CASES  SEED
 * </pre>
 *
 * and prints {@code progress ENGINE CLAUSE} lines on standard output as checks finish.
 *
 * <p>Usage: {@code MatrixWorker OUT_FILE TRIES REAL_TRIES TOPIC ONLY_IDS SKIP_IDS SEED [KEY=VALUE...]}: topic
 * and id lists comma-separated, {@code -} for none.
 */
public final class MatrixWorker {
  private MatrixWorker() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int tries = Integer.parseInt(args[1]);
    int realTries = Integer.parseInt(args[2]);
    String topic = args[3];
    Set<String> only = args[4].equals("-") ? Set.of() : Set.of(args[4].split(","));
    Set<String> skip = Set.of(args[5].split(","));
    EngineOptions options = EngineOptions.parse(List.of(args).subList(7, args.length));
    List<String> lines = new ArrayList<>();
    long seed = Long.parseLong(args[6]);
    for (EngineInfo info : EngineRegistry.load().engines()) {
      if (skip.contains(info.id()) || (!only.isEmpty() && !only.contains(info.id()))
          || (!topic.equals("-") && !info.topic().id().equals(topic))
          || info.kind() == EngineInfo.Kind.BROKEN || Suites.topicsFor(info.topic()).isEmpty()) {
        continue;
      }
      int engineTries = info.kind() == EngineInfo.Kind.REAL ? Math.min(tries, realTries) : tries;
      try (Engine engine = EngineRegistry.load().provider(info.id()).create(options)) {
        // the instance's name, not the provider's: options may change what runs (kafka-streams on a broker)
        EngineInfo running = engine.info();
        lines.add(String.join("\t", "engine", info.id(), clean(running.displayName()), info.topic().id(), info.kind().name()));
        Matrix matrix = new ConformanceRunner(engineTries, seed, true).run(engine, Set.of(),
            clause -> System.out.println("progress\t" + info.id() + "\t" + clause));
        for (ClauseResult r : matrix.results()) {
          lines.add(String.join("\t", "result", r.engine(), r.clause(), r.status().name(), clean(r.detail()),
              Integer.toString(r.cases()), Long.toString(r.seed())));
        }
      }
    }
    write(out, lines);
    System.exit(0); // engines may leave non-daemon threads behind (Spark does)
  }

  private static String clean(String text) {
    return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  private static void write(Path out, List<String> lines) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      lines.forEach(w::println);
    }
  }
}
