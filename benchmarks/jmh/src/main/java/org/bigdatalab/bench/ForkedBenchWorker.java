package org.bigdatalab.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineRegistry;

/**
 * The benchmark JVM of a forked engine module: started by {@link ForkedBench} with the module's
 * class path (the engine's jars first) plus what the benchmarks need, never the lab CLI's own
 * class path. Two commands, each writing its answer to {@code OUT}:
 *
 * <pre>
 * list OUT                                     one line per engine of this class path's registry: engine TAB id TAB topic TAB kind
 * measure OUT WORKLOAD SIZE FORKS BASELINE_WARMUPS ENGINE_WARMUPS MEASUREMENTS SECONDS MODE ONLY ENGINE...
 *                                              runs the workload's {@link EngineBench} under that plan ({@link BenchRunner.Plan#toArgs}) and writes its rows as {@link BenchJson}
 * </pre>
 *
 * Progress lines go to standard output prefixed with {@value #PROGRESS}; anything else there is the
 * engine's own chatter, shown only when the worker fails.
 */
public final class ForkedBenchWorker {
  static final String PROGRESS = "progress\t";

  private ForkedBenchWorker() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable t) {
      t.printStackTrace(System.out); // the lab JVM shows the last lines
      System.exit(1);
    }
    System.exit(0); // an engine's non-daemon threads (Spark's) must not keep this JVM alive
  }

  private static void run(String[] args) throws Exception {
    Path out = Path.of(args[1]);
    switch (args[0]) {
      case "list" -> {
        List<String> lines = new ArrayList<>();
        for (EngineInfo info : EngineRegistry.load().engines()) {
          lines.add(String.join("\t", "engine", info.id(), info.topic().id(), info.kind().name()));
        }
        Files.write(out, lines, StandardCharsets.UTF_8);
      }
      case "measure" -> {
        String workload = args[2];
        EngineBench bench = EngineBench.of(workload)
            .orElseThrow(() -> new IllegalArgumentException("no engine half for workload '" + workload + "'"));
        BenchRunner.Plan plan = BenchRunner.Plan.parse(List.of(args).subList(4, 4 + BenchRunner.Plan.ARGS));
        List<String> engines = List.of(args).subList(4 + BenchRunner.Plan.ARGS, args.length);
        List<BenchResult> rows = bench.measure(engines, args[3], plan, line -> System.out.println(PROGRESS + line));
        Files.writeString(out, BenchJson.write(rows), StandardCharsets.UTF_8);
      }
      default -> throw new IllegalArgumentException("unknown command '" + args[0] + "': list or measure");
    }
  }
}
