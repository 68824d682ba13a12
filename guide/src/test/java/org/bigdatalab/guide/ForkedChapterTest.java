package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bigdatalab.spi.fork.EngineJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program run in a child JVM prints there exactly what it prints in-process. */
class ForkedChapterTest {

  @Test
  void aForkedProgramPrintsWhatItPrintsInProcess(@TempDir Path root) throws Exception {
    Path module = Files.createDirectories(root.resolve("engines-x/x/target/classes")).getParent().getParent();
    Files.writeString(module.resolve(EngineJvm.CLASSPATH_FILE), "");   // an engine with no jars of its own
    ByteArrayOutputStream forked = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(forked, true, StandardCharsets.UTF_8)) {
      ForkedChapter.run(new EngineJvm.Module(module, List.of()), Ch01_ClauseCatalogue.class, out);
    }
    String inProcess = GuideTesting.output(Ch01_ClauseCatalogue::run);
    assertThat(forked.toString(StandardCharsets.UTF_8)).isNotBlank().isEqualTo(inProcess);
  }

  /** A program that prints an answer and, like an engine, a log line on the child's System.out. */
  public static final class Chatty {
    public static void run(PrintStream out) {
      System.out.println("log of the engine");
      out.println("answer");
    }
  }

  /**
   * Two children at once, as the renderer's lanes run them: each one's answer and each one's logs
   * reach the streams its caller named, never the other's, and nothing goes through this JVM's System.out.
   */
  @Test
  void childrenSideBySideKeepTheirAnswersAndLogsApart(@TempDir Path root) throws Exception {
    Path module = Files.createDirectories(root.resolve("engines-x/x/target/classes")).getParent().getParent();
    Files.writeString(module.resolve(EngineJvm.CLASSPATH_FILE), "");
    List<List<String>> logs = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    List<ByteArrayOutputStream> answers = List.of(new ByteArrayOutputStream(), new ByteArrayOutputStream());
    PrintStream console = System.out;
    ByteArrayOutputStream diverted = new ByteArrayOutputStream();
    System.setOut(new PrintStream(diverted, true, StandardCharsets.UTF_8));
    try {
      ExecutorService lanes = Executors.newFixedThreadPool(2);
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        int lane = i;
        runs.add(lanes.submit(() -> {
          try (PrintStream out = new PrintStream(answers.get(lane), true, StandardCharsets.UTF_8)) {
            ForkedChapter.run(new EngineJvm.Module(module, List.of()), Chatty.class.getName(), out, logs.get(lane)::add);
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
      lanes.shutdown();
    } finally {
      System.setOut(console);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(answers.get(i).toString(StandardCharsets.UTF_8)).isEqualTo("answer" + System.lineSeparator());
      assertThat(logs.get(i)).as("lane %d's logs", i).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .isEqualTo("log of the engine");
    }
    assertThat(diverted.size()).as("bytes on this JVM's System.out").isZero();
  }

  @Test
  void anEngineNoBuiltModuleHoldsIsNamedWithHowToBuildIt(@TempDir Path root) {
    assertThatThrownBy(() -> ForkedChapter.run(EngineJvm.moduleHolding("no-such-engine", root), Ch01_ClauseCatalogue.class,
        new PrintStream(new ByteArrayOutputStream())))
        .hasMessageContaining("holds engine 'no-such-engine'")
        .hasMessageContaining("-am package -DskipTests");
  }
}
