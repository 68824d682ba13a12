package org.bigdatalab.bench;

import java.util.List;
import org.bigdatalab.spi.fork.EngineJvm;

/**
 * The benchmark JVM of a forked engine module: started by {@link ForkedBench} through
 * {@link EngineJvm} with the module's class path (the engine's jars first) plus what the benchmarks
 * need, never the lab CLI's own class path. Arguments after the answer file:
 * {@code WORKLOAD SIZE FORKS BASELINE_WARMUPS ENGINE_WARMUPS MEASUREMENTS SECONDS MODE ONLY ENGINE...};
 * it runs the workload's {@link EngineBench} under that plan ({@link BenchRunner.Plan#toArgs}) and
 * answers its rows as {@link BenchJson}.
 */
public final class ForkedBenchWorker {
  private ForkedBenchWorker() {}

  public static void main(String[] args) {
    EngineJvm.serve(args, (rest, answer) -> {
      String workload = rest.get(0);
      EngineBench bench = Workloads.named(workload).engineHalf()
          .orElseThrow(() -> new IllegalArgumentException("no engine half for workload '" + workload + "'"));
      BenchRunner.Plan plan = BenchRunner.Plan.parse(rest.subList(2, 2 + BenchRunner.Plan.ARGS));
      List<String> engines = rest.subList(2 + BenchRunner.Plan.ARGS, rest.size());
      answer.print(BenchJson.write(bench.measure(engines, rest.get(1), plan, EngineJvm::progress)));
    });
  }
}
