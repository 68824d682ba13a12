package org.bigdatalab.spi.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parent and child sides of EngineJvm agree: records, class paths, module listings. */
class EngineJvmTest {

  @Test
  void aRecordKeepsItsFieldsWhateverTheyHold() {
    String line = EngineJvm.record("result", "spark", "a\tb\nc", "");
    assertThat(line).doesNotContain("\n");
    assertThat(EngineJvm.fields(line)).containsExactly("result", "spark", "a b c", "");
  }

  @Test
  void artifactsAreNamedAlikeAsJarsAndAsBuiltClasses() {
    assertThat(EngineJvm.artifact("/m2/com/fasterxml/jackson-databind-2.18.6.jar")).isEqualTo("jackson-databind");
    assertThat(EngineJvm.artifact("/work/spec-tests/spi/target/classes")).isEqualTo("spi");
    assertThat(EngineJvm.artifact("/m2/org/bigdatalab/spi-0.1.0-SNAPSHOT.jar")).isEqualTo("spi");
  }

  @Test
  void aBuiltModuleIsAskedForItsEnginesOnceAndTheEngineFlagsAreFiltered(@TempDir Path root) throws Exception {
    Path module = Files.createDirectories(root.resolve("engines-x/empty/target/classes")).getParent().getParent();
    Files.writeString(module.resolve(EngineJvm.CLASSPATH_FILE), "");   // no jars, no providers

    List<EngineJvm.Module> modules = EngineJvm.modules(root);

    assertThat(modules).singleElement().satisfies(m -> {
      assertThat(m.dir()).isEqualTo(module);
      assertThat(m.engines()).isEmpty();
    });
    assertThat(module.resolve(EngineJvm.IDS_FILE)).exists();
    assertThat(EngineJvm.jvmFlags()).anyMatch(flag -> flag.startsWith("--add-opens"));
  }

  @Test
  void anEngineNoModuleHoldsIsNamedWithHowToBuildIt(@TempDir Path root) {
    assertThatThrownBy(() -> EngineJvm.moduleHolding("flink", root))
        .hasMessageContaining("holds engine 'flink'").hasMessageContaining("-am package -DskipTests");
  }
}
