package org.bigdatalab.guide;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bigdatalab.suite.matrix.EngineModules;

/**
 * Runs a chapter program that needs a real engine whose jars cannot share the guide's class path
 * (Spark, Flink, Kafka Streams and Hadoop each pull in their own Jackson, Scala, Netty...). The
 * program runs in a child JVM whose class path is the engine module's classes, then the module's
 * {@code target/lab-engine.classpath} (the engine's jars win), then the guide's own class path. The
 * program still finds its engine only by id, through the registry, so the same code runs anywhere
 * the engine's jars are.
 *
 * <p>The child writes what the program prints to a file the parent reads back; everything else the
 * child prints (engine logs) goes to the parent's {@code System.out}, which the renderer diverts
 * to the program's {@code .stdout.log}.
 */
public final class ForkedChapter {
  /**
   * The project root: where {@code mvnw} is. The lab CLI and the build set it; otherwise found upwards
   * (unlike {@link EngineModules#root()}, which takes the working directory: a chapter test runs inside
   * the guide module and must still reach the engine modules).
   */
  static final String ROOT_PROPERTY = EngineModules.ROOT_PROPERTY;
  /** JVM flags for the child (the engines' {@code --add-opens}); the build passes them in one string. */
  static final String FLAGS_PROPERTY = "guide.jvm.flags";

  private ForkedChapter() {}

  /** Runs {@code program}'s {@code run(PrintStream)} in a child JVM with {@code moduleDir}'s engine jars. */
  static void run(Class<?> program, String moduleDir, PrintStream out) throws IOException, InterruptedException {
    run(root(), program, moduleDir, out);
  }

  static void run(Path root, Class<?> program, String moduleDir, PrintStream out)
      throws IOException, InterruptedException {
    Path classpathFile = root.resolve(moduleDir).resolve(EngineModules.CLASSPATH_FILE);
    if (!Files.isRegularFile(classpathFile)) {
      throw new IllegalStateException("guide: " + program.getSimpleName() + " runs on the engine built by "
          + moduleDir + ", but " + classpathFile + " is missing: build that module first (./mvnw -pl "
          + moduleDir + " -am package -DskipTests)");
    }
    String classpath = String.join(File.pathSeparator, EngineModules.engineClasspath(classpathFile))
        + File.pathSeparator + System.getProperty("java.class.path");
    Path printed = Files.createTempFile("guide-" + program.getSimpleName(), ".txt");
    try {
      List<String> command = new ArrayList<>();
      command.add(EngineModules.javaLauncher());
      command.add("-Xmx2g");
      command.addAll(jvmFlags());
      command.addAll(List.of("-cp", classpath, ForkedChapter.class.getName(), program.getName(), printed.toString()));
      Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] log = child.getInputStream().readAllBytes();   // engine logs: to the caller's (diverted) System.out
      System.out.write(log);
      int status = child.waitFor();
      if (status != 0) {
        String text = new String(log, StandardCharsets.UTF_8);
        throw new IllegalStateException("guide: " + program.getSimpleName() + " failed in its " + moduleDir
            + " JVM (exit " + status + "); its last output:\n" + text.substring(Math.max(0, text.length() - 4000)));
      }
      out.print(Files.readString(printed, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(printed);
    }
  }

  /** The project root, from {@value #ROOT_PROPERTY} or the nearest directory upwards holding {@code mvnw}. */
  static Path root() {
    String configured = System.getProperty(ROOT_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("guide"))) {
        return dir;
      }
    }
    throw new IllegalStateException("guide: cannot find the project root; set -D" + ROOT_PROPERTY);
  }

  /** {@value #FLAGS_PROPERTY} if set, else this JVM's own {@code --add-opens}/{@code --add-exports}. */
  static List<String> jvmFlags() {
    String configured = System.getProperty(FLAGS_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Arrays.asList(configured.trim().split("\\s+"));
    }
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports")).toList();
  }

  /** The child's entry point: {@code ForkedChapter <program class> <file for its output>}. */
  public static void main(String[] args) throws Exception {
    Method run = Class.forName(args[0]).getMethod("run", PrintStream.class);
    try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[1])), true, StandardCharsets.UTF_8)) {
      run.invoke(null, out);
    } catch (InvocationTargetException e) {
      e.getCause().printStackTrace();
      System.exit(1);
    }
    System.exit(0);   // engines may leave non-daemon threads behind
  }
}
