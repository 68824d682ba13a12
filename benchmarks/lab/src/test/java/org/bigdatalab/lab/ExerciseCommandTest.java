package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.bigdatalab.guide.exercises.Kata;
import org.bigdatalab.guide.exercises.Katas;
import org.junit.jupiter.api.Test;

/** {@code lab exercise}, in-process: the list, a pass, a failed clause with its minimal case, and bad input. */
class ExerciseCommandTest {
  private final LabCli cli = new LabCli();

  private int lab(String... args) {
    return cli.run(args);
  }

  @Test
  void listNamesEveryKataWithItsChapterClausesFileAndStatement() {
    assertThat(lab("exercise", "--list")).isZero();
    for (Kata<?, ?> kata : Katas.all()) {
      assertThat(cli.out()).contains(kata.name(), kata.chapter(), kata.statement(), ExerciseCommand.starterFile(kata))
          .contains(kata.clauses());
    }
    assertThat(cli.out()).contains("guide/src/main/java/org/bigdatalab/guide/exercises/WordCountCombiner.java");
  }

  @Test
  void theSolutionPasses() {
    assertThat(lab("exercise", "salting", "--solution", "--seed", "7", "--tries", "20")).isZero();
    assertThat(cli.out()).startsWith("pass: salting (20 cases, seed 7)");
  }

  @Test
  void theStarterAsShippedFailsWithTheClauseSeedAndMinimalInput() {
    assertThat(lab("exercise", "combiner", "--seed", "7", "--tries", "20")).isEqualTo(1);
    assertThat(cli.out()).startsWith("FAIL: combiner breaks mapreduce.combiner.transparent")
        .contains("(seed 7)", "minimal input: WordCountCase[files=[in-0.txt=",
            "replay: lab exercise combiner --seed 7", "exercises/WordCountCombiner.java");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void anUnknownOrMissingNameIsOneLineOfBadInput() {
    assertThat(lab("exercise", "no-such-kata")).isEqualTo(LabErrors.BAD_INPUT);
    assertThat(cli.err().lines()).singleElement().asString().contains("no exercise named 'no-such-kata'", "combiner");
    cli.clear();
    assertThat(lab("exercise")).isEqualTo(LabErrors.BAD_INPUT);
    assertThat(cli.err().lines()).singleElement().asString().contains("--list");
  }
}
