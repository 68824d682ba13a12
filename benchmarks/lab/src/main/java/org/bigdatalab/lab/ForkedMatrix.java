package org.bigdatalab.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.spi.fork.EngineJvm;
import org.bigdatalab.suite.matrix.MatrixWorker;

/**
 * Runs the suites for engines that cannot share the CLI's class path (Spark, Kafka Streams) in a JVM
 * with their module's class path ({@link EngineJvm}), one per module, through {@link MatrixWorker}.
 */
final class ForkedMatrix {
  private ForkedMatrix() {}

  static MatrixWorker.Answer run(EngineJvm.Module module, int tries, int realTries, int clusterTries, String topic, List<String> only,
      List<String> skip, List<String> engineOptions, long seed) throws IOException {
    List<String> args = new ArrayList<>(List.of(Integer.toString(tries), Integer.toString(realTries), Integer.toString(clusterTries),
        topic == null ? "-" : topic,
        only.isEmpty() ? "-" : String.join(",", only), String.join(",", skip), Long.toString(seed)));
    args.addAll(engineOptions);
    List<String> announced = new ArrayList<>();
    String answer = EngineJvm.launch(module, MatrixWorker.class.getName()).heapMegabytes(ForkParallelism.HEAP_MB)
        .purpose("the conformance run of " + module.name()).call(args, line -> {
          String engine = line.split("\t")[0];
          if (!announced.contains(engine)) {
            System.out.println("conformance: " + engine + " (forked JVM, " + module.name() + " module)");
            announced.add(engine);
          }
        });
    return MatrixWorker.Answer.parse(answer);
  }
}
