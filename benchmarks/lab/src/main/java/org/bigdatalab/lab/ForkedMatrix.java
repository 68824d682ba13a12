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
