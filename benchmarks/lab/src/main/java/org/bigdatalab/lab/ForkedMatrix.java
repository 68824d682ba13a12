package org.bigdatalab.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bigdatalab.spi.fork.EngineJvm;
import org.bigdatalab.suite.matrix.MatrixWorker;

/**
 * Runs the suites for engines that cannot share the CLI's class path (Spark, Kafka Streams) in a JVM
 * with their module's class path ({@link EngineJvm}), one per module, through {@link MatrixWorker}.
 */
final class ForkedMatrix {
  private ForkedMatrix() {}

  /**
   * The worker's JIT: C1 only. A module's run is many short engine jobs on two shared cores, and C2 compiling
   * Spark's code costs more CPU than it saves before the JVM ends: delta at one case a property took 67 CPU-seconds
   * instead of 116 (README, tour). The default collector is kept: with the serial one, Spark's task threads wait on it.
   */
  static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  /**
   * Runs the module's suites; {@code note} gets a line as each engine starts, {@code checked} each check as it ends
   * (engine id and clause).
   */
  static MatrixWorker.Answer run(EngineJvm.Module module, int tries, int realTries, int clusterTries, String topic, List<String> only,
      List<String> skip, List<String> engineOptions, long seed, Consumer<String> note, BiConsumer<String, String> checked)
      throws IOException {
    List<String> args = new ArrayList<>(List.of(Integer.toString(tries), Integer.toString(realTries), Integer.toString(clusterTries),
        topic == null ? "-" : topic,
        only.isEmpty() ? "-" : String.join(",", only), String.join(",", skip), Long.toString(seed)));
    args.addAll(engineOptions);
    List<String> announced = new ArrayList<>();
    String answer = EngineJvm.launch(module, MatrixWorker.class.getName()).heapMegabytes(ForkParallelism.HEAP_MB)
        .jvmArg(C1_ONLY)
        .purpose("the conformance run of " + module.name()).call(args, line -> {
          String[] fields = line.split("\t");
          String engine = fields[0];
          if (!announced.contains(engine)) {
            note.accept("conformance: " + engine + " (forked JVM, " + module.name() + " module)");
            announced.add(engine);
          }
          if (fields.length > 1) {
            checked.accept(engine, fields[1]);
          }
        });
    return MatrixWorker.Answer.parse(answer);
  }
}
