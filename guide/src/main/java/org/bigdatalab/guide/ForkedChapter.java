package org.bigdatalab.guide;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.bigdatalab.spi.fork.EngineJvm;

/**
 * Runs a chapter program that needs a real engine whose jars cannot share the guide's class path
 * (Spark, Flink, Kafka Streams and Hadoop each pull in their own Jackson, Scala, Netty...). The
 * program runs in a child JVM ({@link EngineJvm}) with the class path of the engine module that
 * holds the engine, then the guide's own class path. The program still finds its engine only by id,
 * through the registry, so the same code runs anywhere the engine's jars are.
 *
 * <p>What the program prints is the child's answer; everything else the child prints (engine logs)
 * goes to the chatter the caller names: the renderer keeps it in the program's {@code .stdout.log}.
 */
public final class ForkedChapter {
  private ForkedChapter() {}

  /** Runs {@code program}'s {@code run(PrintStream)} in a child JVM with the jars of the module holding {@code engineId}. */
  static void run(Class<?> program, String engineId, PrintStream out, Consumer<String> chatter) throws IOException {
    run(EngineJvm.moduleHolding(engineId, EngineJvm.root()), program.getName(), out, chatter);
  }

  static void run(EngineJvm.Module module, Class<?> program, PrintStream out) throws IOException {
    run(module, program.getName(), out, System.out::println);
  }

  /** The same for a program compiled in the engine's module, which the guide knows only by name. */
  static void run(String programClass, String engineId, PrintStream out, Consumer<String> chatter) throws IOException {
    run(EngineJvm.moduleHolding(engineId, EngineJvm.root()), programClass, out, chatter);
  }

  /**
   * Runs {@code program} (a class name: it is compiled in that module, against jars the guide does not
   * have) in a child JVM with the class path of the module at {@code moduleDir} under the project root.
   */
  static void runIn(String moduleDir, String program, PrintStream out, Consumer<String> chatter) throws IOException {
    Path dir = EngineJvm.root().resolve(moduleDir);
    if (!Files.isRegularFile(dir.resolve(EngineJvm.CLASSPATH_FILE))) {
      throw new IllegalStateException("guide: " + program + " runs with the class path of " + moduleDir
          + ", which is not built under " + EngineJvm.root() + " (./mvnw -pl " + moduleDir + " -am package -DskipTests)");
    }
    run(new EngineJvm.Module(dir, List.of()), program, out, chatter);
  }

  /** Everything the child prints that is not its answer (the engine's logs) goes to {@code chatter}. */
  static void run(EngineJvm.Module module, String program, PrintStream out, Consumer<String> chatter) throws IOException {
    String printed = EngineJvm.launch(module, ForkedChapter.class.getName()).heapMegabytes(2048)
        // C1 only and the serial collector: a chapter program is a few short jobs or queries, where C2
        // compiling the engine costs more than it saves (chapter 13 on 2 cores: 87 s wall, 73 s CPU with
        // C2; 31 s, 44 s with C1 only). README "Testing notes" has the whole guide's figures.
        .jvmArg("-XX:TieredStopAtLevel=1").jvmArg("-XX:+UseSerialGC")
        .purpose("guide: " + program.substring(program.lastIndexOf('.') + 1)).chatter(chatter)
        .classpathAfter(EngineJvm.split(System.getProperty("java.class.path")))
        .call(List.of(program), line -> {});
    out.print(printed);
  }

  /**
   * Runs the program named {@code programClass} in this JVM: in a child, a guide program calls one compiled in
   * the engine's module this way (the guide is not compiled against the engine's jars, so it knows it by name).
   */
  static void runHere(String programClass, PrintStream out) throws Exception {
    try {
      Class.forName(programClass).getMethod("run", PrintStream.class).invoke(null, out);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** The child's entry point: runs the program named after the answer file, printing to the answer. */
  public static void main(String[] args) {
    EngineJvm.serve(args, (rest, answer) -> runHere(rest.get(0), answer));
  }
}
