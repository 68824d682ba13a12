package org.bigdatalab.lab;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.bench.ForkedBench;
import org.bigdatalab.spi.fork.EngineJvm;

/**
 * Runs a {@code lab run} request on an engine of a module with clashing dependencies, in a JVM with
 * that module's class path ({@link EngineJvm}), the CLI's classes and the spec's jobs after it.
 */
final class ForkedRun {
  private ForkedRun() {}

  static String run(EngineJvm.Module module, RunWorker.Request request) throws Exception {
    List<String> after = new ArrayList<>(List.of(EngineJvm.locationOf(RunWorker.class)));
    after.addAll(ForkedBench.benchClasspath());
    String answer = EngineJvm.launch(module, RunWorker.class.getName()).heapMegabytes(2048).classpathAfter(after)
        .purpose("lab run " + request.job() + " on " + request.engine()).call(request.args(), line -> { });
    if (answer.startsWith(RunWorker.USER)) {
      throw new UserError(answer.substring(RunWorker.USER.length()));
    }
    return answer;
  }
}
