package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bigdatalab.spi.Catalogues;
import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.Topic;
import org.junit.jupiter.api.Test;

/**
 * Every chapter ends as an interview answer and a check of it: a recap of five points or fewer and an
 * exercise, and the chapters together cite every clause of the topics they teach, so a reader can go
 * from a rule in the matrix to the chapter that shows it.
 */
class ChapterEndingsTest {
  static final Path CHAPTERS = Path.of("src", "docs", "asciidoc");
  /** The topics whose every clause a chapter teaches (the others come with their own chapters and issues). */
  static final Set<Topic> TAUGHT = EnumSet.of(Topic.MAPREDUCE, Topic.DFS, Topic.DATAFLOW, Topic.SKEW, Topic.STREAMING);

  static List<Path> chapters() throws IOException {
    try (Stream<Path> files = Files.list(CHAPTERS)) {
      return files.filter(p -> p.getFileName().toString().matches("ch\\d\\d-.*\\.adoc")).sorted().toList();
    }
  }

  @Test
  void everyChapterEndsWithARecapOfFivePointsOrFewerAndAnExercise() throws IOException {
    assertThat(chapters()).hasSizeGreaterThanOrEqualTo(12);
    for (Path chapter : chapters()) {
      String text = Files.readString(chapter, StandardCharsets.UTF_8);
      assertThat(text).as(chapter.toString()).contains("\n=== Recap\n").contains("\n=== Exercise");
      String recap = text.substring(text.indexOf("\n=== Recap\n") + 11);
      recap = recap.substring(0, recap.indexOf("\n=== "));
      assertThat(recap.lines().filter(l -> l.startsWith("* ")).count()).as("recap points of %s", chapter).isBetween(1L, 5L);
    }
  }

  @Test
  void theChaptersCiteEveryClauseOfTheTopicsTheyTeach() throws IOException {
    StringBuilder guide = new StringBuilder();
    for (Path chapter : chapters()) {
      guide.append(Files.readString(chapter, StandardCharsets.UTF_8));
    }
    List<String> uncited = Catalogues.allClauses().stream().filter(c -> TAUGHT.contains(c.topic())).map(Clause::id)
        .filter(id -> !guide.toString().contains("`" + id + "`")).toList();
    assertThat(uncited).as("clauses no chapter cites").isEmpty();
  }
}
