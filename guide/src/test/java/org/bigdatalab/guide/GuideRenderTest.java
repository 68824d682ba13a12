package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the whole guide once, as the build and the lab CLI do, and checks the page. The output
 * directory is given as a relative path on purpose: the renderer must not resolve it against
 * Asciidoctor's base directory (a temporary copy of the sources).
 */
class GuideRenderTest {
  static final Path outputDir = Path.of("target", "guide-render-test");
  static Path html;
  static String page;
  /** The page's text: tags removed (so highlighting spans do not matter), the basic entities decoded. */
  static String text;
  static final List<String> progress = new ArrayList<>();

  @BeforeAll
  static void render() throws Exception {
    Scratch.deleteRecursively(outputDir);
    html = GuideRenderer.render(outputDir, progress::add);
    page = Files.readString(html, StandardCharsets.UTF_8);
    text = page.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  @Test
  void writesIndexHtmlWithEveryChapterTitle() {
    assertThat(html).isEqualTo(outputDir.toAbsolutePath().resolve("index.html")).isRegularFile();
    assertThat(page).contains("<title>bigdata-lab: a study guide you can run</title>")
        .contains("1. How the spec works</h2>").contains("2. MapReduce</h2>")
        .contains("1.1. What a clause is</h3>").contains("2.2. The shuffle, traced</h3>")
        .contains("2.4. TeraSort: sampling for even partitions</h3>");
  }

  @Test
  void includesCodeFromTheChapterPrograms() {
    assertThat(page).contains("<pre class=\"rouge highlight\"><code data-lang=\"java\">");
    assertThat(page).contains("<span class=\"nc\">DoubleCombiningMapReduce</span>")
        .contains("<span class=\"n\">evenlySpacedCuts</span>");
    assertThat(text).contains("exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch02_TeraSortSampling")
        .contains("public static class DoubleCombiningMapReduce extends SequentialMapReduce {");
    // tag markers never leak into the page
    assertThat(page).doesNotContain("tag::").doesNotContain("end::");
  }

  @Test
  void includesTheOutputCapturedFromEveryProgram() throws Exception {
    for (GuideRenderer.Program program : GuideRenderer.PROGRAMS) {
      Path snippet = outputDir.resolve("snippets").resolve(program.name() + ".txt");
      assertThat(snippet).isRegularFile();
      String output = Files.readString(snippet, StandardCharsets.UTF_8);
      assertThat(output).as(program.name()).isNotBlank();
      Optional<String> line = output.lines().filter(l -> l.trim().length() > 20).findFirst();
      assertThat(line).as("a distinctive line of %s", program.name()).isPresent();
      assertThat(text).as("output of %s in the page", program.name()).contains(line.get());
    }
    assertThat(text).contains("the trace predicted the engine's output exactly: true");
  }

  @Test
  void isSelfContainedAndRenderedWithoutWarnings() {
    assertThat(page).contains("<style>").doesNotContain("<link rel=\"stylesheet\"").doesNotContain("<script src=");
    assertThat(page).doesNotContain("Unresolved directive");
    assertThat(progress).anyMatch(p -> p.startsWith("guide: rendering index.adoc"))
        .anyMatch(p -> p.startsWith("guide: running Ch01_HowTheSpecWorks"));
  }

  @Test
  void libraryOutputStaysOutOfTheSnippets() throws Exception {
    String ch01 = Files.readString(outputDir.resolve("snippets/Ch01_HowTheSpecWorks.txt"), StandardCharsets.UTF_8);
    assertThat(ch01).startsWith("clause \\ engine").doesNotContain("timestamp = ").doesNotContain("jqwik");
  }
}
