package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.bigdatalab.guide.exercises.Kata;
import org.bigdatalab.guide.exercises.Katas;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code lab exercise}, in-process: the list, a pass, a failed clause with its minimal case, and bad input. */
class ExerciseCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int lab(String... args) {
    CommandLine cli = Lab.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void listNamesEveryKataWithItsChapterClausesFileAndStatement() {
    assertThat(lab("exercise", "--list")).isZero();
    for (Kata<?, ?> kata : Katas.all()) {
      assertThat(out.toString()).contains(kata.name(), kata.chapter(), kata.statement(), ExerciseCommand.starterFile(kata))
          .contains(kata.clauses());
    }
    assertThat(out.toString()).contains("guide/src/main/java/org/bigdatalab/guide/exercises/WordCountCombiner.java");
  }

  @Test
  void theSolutionPasses() {
    assertThat(lab("exercise", "salting", "--solution", "--seed", "7", "--tries", "20")).isZero();
    assertThat(out.toString()).startsWith("pass: salting (20 cases, seed 7)");
  }

  @Test
  void theStarterAsShippedFailsWithTheClauseSeedAndMinimalInput() {
    assertThat(lab("exercise", "combiner", "--seed", "7", "--tries", "20")).isEqualTo(1);
    assertThat(out.toString()).startsWith("FAIL: combiner breaks mapreduce.combiner.transparent")
        .contains("(seed 7)", "minimal input: WordCountCase[files=[in-0.txt=",
            "replay: lab exercise combiner --seed 7", "exercises/WordCountCombiner.java");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void anUnknownOrMissingNameIsOneLineOfBadInput() {
    assertThat(lab("exercise", "no-such-kata")).isEqualTo(LabErrors.BAD_INPUT);
    assertThat(err.toString().lines()).singleElement().asString().contains("no exercise named 'no-such-kata'", "combiner");
    err.getBuffer().setLength(0);
    assertThat(lab("exercise")).isEqualTo(LabErrors.BAD_INPUT);
    assertThat(err.toString().lines()).singleElement().asString().contains("--list");
  }
}
