package org.bigdatalab.spi.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.Topic;
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

  /** Two modules in folders of the same name are two artifacts, each named as its jar is. */
  @Test
  void builtClassesAreNamedByTheirPomsArtifactIdNotTheirFolder(@TempDir Path root) throws Exception {
    for (String topic : List.of("mapreduce", "dataflow")) {
      Path module = Files.createDirectories(root.resolve("engines-" + topic + "/reference/target/classes")).getParent().getParent();
      Files.writeString(module.resolve("pom.xml"), "<project><parent><artifactId>engines-" + topic + "</artifactId></parent>"
          + "<artifactId>" + topic + "-reference</artifactId></project>");
    }

    assertThat(EngineJvm.artifact(root.resolve("engines-mapreduce/reference/target/classes").toString()))
        .isEqualTo(EngineJvm.artifact("/m2/org/bigdatalab/mapreduce-reference-0.1.0-SNAPSHOT.jar"))
        .isEqualTo("mapreduce-reference");
    assertThat(EngineJvm.artifact(root.resolve("engines-dataflow/reference/target/classes").toString()))
        .isEqualTo("dataflow-reference");
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

  /** A module that builds on another module's engine (as lambda-spark on spark) holds only what its own service file registers. */
  @Test
  void aModuleHoldsTheEnginesItsOwnClassesRegisterNotThoseOfItsDependencies(@TempDir Path root) throws Exception {
    Path dependency = services(root.resolve("dependency/target/classes"), Dependency.class);
    Path module = services(root.resolve("engines-x/builds-on/target/classes"), Own.class).getParent().getParent();
    Files.writeString(module.resolve(EngineJvm.CLASSPATH_FILE),
        String.join(java.io.File.pathSeparator, dependency.toString(), EngineJvm.locationOf(EngineJvmTest.class)));

    assertThat(EngineJvm.modules(root)).singleElement()
        .satisfies(m -> assertThat(m.engines()).extracting(EngineInfo::id).containsExactly("own"));
  }

  private static Path services(Path classes, Class<? extends EngineProvider> provider) throws Exception {
    Path file = Files.createDirectories(classes.resolve("META-INF/services")).resolve(EngineProvider.class.getName());
    Files.writeString(file, "# a comment\n" + provider.getName() + "\n");
    return classes;
  }

  /** The dependency's engine: on the module's class path, not the module's own. */
  public static final class Dependency implements EngineProvider {
    @Override public EngineInfo info() { return EngineInfo.builder("dependency", Topic.DATAFLOW).build(); }
    @Override public Engine create(EngineOptions options) { throw new UnsupportedOperationException("listed, never made"); }
  }

  /** The module's own engine. */
  public static final class Own implements EngineProvider {
    @Override public EngineInfo info() { return EngineInfo.builder("own", Topic.DATAFLOW).build(); }
    @Override public Engine create(EngineOptions options) { throw new UnsupportedOperationException("listed, never made"); }
  }

  @Test
  void anEngineNoModuleHoldsIsNamedWithHowToBuildIt(@TempDir Path root) {
    assertThatThrownBy(() -> EngineJvm.moduleHolding("flink", root))
        .hasMessageContaining("holds engine 'flink'").hasMessageContaining("-am package -DskipTests");
  }
}
