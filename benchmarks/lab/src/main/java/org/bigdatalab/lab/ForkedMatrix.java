package org.bigdatalab.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.suite.matrix.EngineModules;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.ClauseResult;
import org.bigdatalab.suite.matrix.ClauseStatus;

/**
 * Runs the suites for engines that cannot share the CLI's class path (Spark, Kafka Streams) in
 * forked JVMs, one per engine module, with that module's own class path ({@link EngineModules}).
 */
final class ForkedMatrix {
  /** What a forked run found: the engines it ran and their results. */
  record Part(List<EngineInfo> engines, List<ClauseResult> results) {}

  private ForkedMatrix() {}

  /** The class path files of the engine modules built in this checkout. */
  static List<Path> modules(Path root) throws IOException {
    return EngineModules.classpathFiles(root);
  }

  static Part run(Path classpathFile, int tries, int realTries, String topic, List<String> only, List<String> skip,
      List<String> engineOptions, Path work) throws IOException, InterruptedException {
    Path module = EngineModules.moduleOf(classpathFile);
    String classpath = String.join(java.io.File.pathSeparator, EngineModules.engineClasspath(classpathFile));
    Path out = Files.createTempFile(work, "forked-matrix", ".tsv");
    List<String> command = new ArrayList<>(List.of(EngineModules.javaLauncher(), "-Xmx3g"));
    command.addAll(EngineModules.jvmFlags());
    command.addAll(List.of("-cp", classpath, "org.bigdatalab.suite.matrix.MatrixWorker", out.toString(),
        Integer.toString(tries), Integer.toString(realTries), topic == null ? "-" : topic,
        only.isEmpty() ? "-" : String.join(",", only), String.join(",", skip)));
    command.addAll(engineOptions);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> tail = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      String lastEngine = "";
      while ((line = r.readLine()) != null) {
        if (line.startsWith("progress\t")) {
          String[] f = line.split("\t");
          if (!f[1].equals(lastEngine)) {
            System.out.println("conformance: " + f[1] + " (forked JVM, " + module.getFileName() + " module)");
            lastEngine = f[1];
          }
        } else {
          tail.add(line);
          if (tail.size() > 20) {
            tail.remove(0);
          }
        }
      }
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException("the forked matrix run for " + module + " failed:\n" + String.join("\n", tail));
    }
    List<EngineInfo> engines = new ArrayList<>();
    List<ClauseResult> results = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (f[0].equals("engine")) {
        engines.add(EngineInfo.builder(f[1], Topic.byId(f[3])).displayName(f[2]).kind(EngineInfo.Kind.valueOf(f[4])).build());
      } else if (f[0].equals("result")) {
        results.add(new ClauseResult(f[1], f[2], ClauseStatus.valueOf(f[3]), f[4]));
      }
    }
    Files.deleteIfExists(out);
    return new Part(engines, results);
  }
}
