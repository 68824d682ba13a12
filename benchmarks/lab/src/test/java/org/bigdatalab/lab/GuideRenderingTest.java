package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the tour copies the build's rendering of the guide instead of running every chapter again. */
class GuideRenderingTest {
  private static final List<String> PROGRAMS = List.of("Ch01_A", "Ch02_B");
  private static final Instant RENDERED = Instant.parse("2026-12-06T12:00:00Z");

  @TempDir Path root;
  Path rendering;

  @BeforeEach
  void aCheckoutWithItsGuideRendered() throws Exception {
    file("pom.xml", RENDERED.minusSeconds(600));
    file("engines-dataflow/spark/src/main/java/Spark.java", RENDERED.minusSeconds(600));
    rendering = GuideRendering.ofBuild(root);
    for (String program : PROGRAMS) {
      file("guide/target/guide/snippets/" + program + ".txt", RENDERED.minusSeconds(60));
    }
    file("guide/target/guide/index.html", RENDERED);
  }

  private Path file(String path, Instant modified) throws Exception {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, path);
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  @Test
  void aWholeRenderingNewerThanEverySourceIsReused() throws Exception {
    // build outputs and hidden folders are not sources, whatever their age
    file("engines-dataflow/spark/target/classes/Spark.class", RENDERED.plusSeconds(60));
    file(".git/index", RENDERED.plusSeconds(60));
    file("README.md", RENDERED.plusSeconds(60));
    file("benchmarks/lab/src/main/java/Lab.java", RENDERED.plusSeconds(60));   // the lab CLI is built on the guide
    file("engines-dataflow/spark/src/test/java/SparkTest.java", RENDERED.plusSeconds(60));   // tests change no chapter's output
    assertThat(GuideRendering.whyNot(rendering, root, PROGRAMS)).isEmpty();

    Path page = GuideRendering.copy(rendering, root.resolve("report/guide"));
    assertThat(page).hasContent("guide/target/guide/index.html");
    assertThat(root.resolve("report/guide/snippets/Ch02_B.txt")).exists();
  }

  @Test
  void aSourceChangedSinceTheRenderingMeansRenderingAgain() throws Exception {
    file("engines-dataflow/spark/src/main/java/Spark.java", RENDERED.plusSeconds(1));
    assertThat(GuideRendering.whyNot(rendering, root, PROGRAMS)).hasValue(
        Path.of("engines-dataflow/spark/src/main/java/Spark.java") + " changed after the guide was rendered");
    file("engines-dataflow/spark/src/main/java/Spark.java", RENDERED.minusSeconds(1));
    file("guide/pom.xml", RENDERED.plusSeconds(1));
    assertThat(GuideRendering.whyNot(rendering, root, PROGRAMS)).hasValue("guide/pom.xml changed after the guide was rendered");
  }

  @Test
  void aMissingOrHalfDoneRenderingIsNotReused() throws Exception {
    assertThat(GuideRendering.whyNot(root.resolve("nowhere"), root, PROGRAMS)).get().asString().startsWith("no rendering at ");
    assertThat(GuideRendering.whyNot(rendering, root, List.of("Ch01_A", "Ch02_B", "Ch03_New"))).get().asString()
        .endsWith("lacks the output of Ch03_New");
    // a render under way (or one that failed) has rewritten outputs but not yet the page
    file("guide/target/guide/snippets/Ch01_A.txt", RENDERED.plusSeconds(5));
    assertThat(GuideRendering.whyNot(rendering, root, PROGRAMS)).get().asString().endsWith("lacks the output of Ch01_A");
  }
}
