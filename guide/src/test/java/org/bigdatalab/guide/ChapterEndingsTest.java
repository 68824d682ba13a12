package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bigdatalab.spi.Catalogues;
import org.bigdatalab.spi.Clause;
import org.junit.jupiter.api.Test;

/**
 * Every chapter ends as an interview answer and a check of it: a recap of five points or fewer, the
 * clauses it teaches, each linked to its row of the report's capability page, and an exercise whose
 * answer names the test that checks it. The chapters together cite every clause of the catalogue, so
 * a reader can go from a rule in the matrix to the chapter that shows it, and back.
 */
class ChapterEndingsTest {
  static final Path CHAPTERS = Path.of("src", "docs", "asciidoc");
  /** A cited clause: a link to its row, {@code <tr id="ID">}, of {@code capabilities.html} beside the guide's folder. */
  static final Pattern CITATION = Pattern.compile("link:\\.\\./capabilities\\.html#([^\\[]+)\\[`([^`]+)`\\]");
  /** Something written like a clause id, in backticks. */
  static final Pattern BACKTICKED_ID = Pattern.compile("`([a-z][a-z0-9]*(?:\\.[a-z0-9][a-z0-9-]*)+)`");

  static List<Path> chapters() throws IOException {
    try (Stream<Path> files = Files.list(CHAPTERS)) {
      return files.filter(p -> p.getFileName().toString().matches("ch\\d\\d-.*\\.adoc")).sorted().toList();
    }
  }

  static Set<String> catalogue() {
    return Catalogues.allClauses().stream().map(Clause::id).collect(Collectors.toSet());
  }

  /** The chapter's own text: its lines outside listing, literal and passthrough blocks. */
  static List<String> prose(Path chapter) throws IOException {
    List<String> lines = new ArrayList<>();
    String open = null;
    for (String line : Files.readAllLines(chapter, StandardCharsets.UTF_8)) {
      String s = line.strip();
      if (open != null) {
        open = s.equals(open) ? null : open;
      } else if (s.equals("----") || s.equals("....") || s.equals("++++") || s.equals("////")) {
        open = s;
      } else {
        lines.add(line);
      }
    }
    return lines;
  }

  @Test
  void everyChapterEndsWithARecapOfFivePointsOrFewerItsClausesAndAnExerciseWithACheckedAnswer() throws IOException {
    assertThat(chapters()).hasSizeGreaterThanOrEqualTo(12);
    for (Path chapter : chapters()) {
      String text = Files.readString(chapter, StandardCharsets.UTF_8);
      assertThat(text).as(chapter.toString()).contains("\n=== Recap\n").contains("\n=== Clauses this chapter ")
          .contains("\n=== Exercise");
      String recap = text.substring(text.indexOf("\n=== Recap\n") + 11);
      recap = recap.substring(0, recap.indexOf("\n=== "));
      assertThat(recap.lines().filter(l -> l.startsWith("* ")).count()).as("recap points of %s", chapter).isBetween(1L, 5L);
      String clauses = text.substring(text.indexOf("\n=== Clauses this chapter "));   // teaches, runs, touches
      clauses = clauses.substring(0, clauses.indexOf("\n=== ", 5));
      assertThat(CITATION.matcher(clauses).find()).as("a linked clause in the clauses of %s", chapter).isTrue();
      String exercise = text.substring(text.indexOf("\n=== Exercise"));
      assertThat(exercise).as("the exercise of %s has an answer that names its check", chapter)
          .containsPattern("\\n\\.Answer \\([^\\n]*(checked by|checks it)[^\\n]*\\)\\n\\[%collapsible\\]");
    }
  }

  @Test
  void everyCitedClauseLinksToARowThatTheCatalogueHas() throws IOException {
    Set<String> catalogue = catalogue();
    List<String> problems = new ArrayList<>();
    for (Path chapter : chapters()) {
      for (String line : prose(chapter)) {
        Matcher cited = CITATION.matcher(line);
        while (cited.find()) {
          if (!cited.group(1).equals(cited.group(2)) || !catalogue.contains(cited.group(1))) {
            problems.add(chapter.getFileName() + ": " + cited.group() + " (not a clause of the catalogue, or text and anchor differ)");
          }
        }
        Matcher id = BACKTICKED_ID.matcher(CITATION.matcher(line).replaceAll(""));
        while (id.find()) {
          if (catalogue.contains(id.group(1))) {
            problems.add(chapter.getFileName() + ": " + id.group() + " cited without a link to its row");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theChaptersCiteEveryClauseOfTheCatalogue() throws IOException {
    StringBuilder guide = new StringBuilder();
    for (Path chapter : chapters()) {
      guide.append(Files.readString(chapter, StandardCharsets.UTF_8));
    }
    List<String> uncited = catalogue().stream().filter(id -> !guide.toString().contains("capabilities.html#" + id + "[")).sorted().toList();
    assertThat(uncited).as("clauses no chapter cites").isEmpty();
  }
}
