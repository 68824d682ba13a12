package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last runs' times, from which the next run plans: kept across runs, a guess where none was kept. */
class RunTimesTest {

  @Test
  void aRunReplacesItsOwnTimesAndKeepsTheOthers(@TempDir Path report) throws Exception {
    String delta = RunTimes.matrixKey("module", "delta", 10, 1);
    String full = RunTimes.matrixKey("module", "delta", 60, 8);
    RunTimes first = RunTimes.none();
    first.put(delta, 80.04);
    first.put(full, 354);
    first.write(report);

    RunTimes second = RunTimes.read(report);
    assertThat(second.get(delta, 1)).isEqualTo(80.0);
    second.put(delta, 70);
    second.write(report);

    RunTimes third = RunTimes.read(report);
    assertThat(third.get(delta, 1)).isEqualTo(70.0);
    assertThat(third.get(full, 1)).as("another bound's time is kept").isEqualTo(354.0);
    assertThat(third.get(RunTimes.matrixKey("module", "flink", 10, 1), RunTimes.GUESS_MODULE)).isEqualTo(RunTimes.GUESS_MODULE);
  }

  @Test
  void aMissingOrDamagedFileMeansGuesses(@TempDir Path report) throws Exception {
    assertThat(RunTimes.read(report).get("tour", 7)).isEqualTo(7.0);
    Files.writeString(report.resolve(RunTimes.FILE), "{\"seconds\": {\"tour\": ");
    assertThat(RunTimes.read(report).get("tour", 7)).isEqualTo(7.0);
  }
}
