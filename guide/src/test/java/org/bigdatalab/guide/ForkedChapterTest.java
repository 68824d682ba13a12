package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void anEngineNoBuiltModuleHoldsIsNamedWithHowToBuildIt(@TempDir Path root) {
    assertThatThrownBy(() -> ForkedChapter.run(EngineJvm.moduleHolding("no-such-engine", root), Ch01_ClauseCatalogue.class,
        new PrintStream(new ByteArrayOutputStream())))
        .hasMessageContaining("holds engine 'no-such-engine'")
        .hasMessageContaining("-am package -DskipTests");
  }
}
