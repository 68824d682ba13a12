package org.bigdatalab.cap.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command a user runs on their own history: what it prints and how it exits. */
class HistoryCheckTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return HistoryCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String file(String name, String edn) throws IOException {
    return Files.writeString(dir.resolve(name), edn).toString();
  }

  @Test
  void aLinearizableHistoryExitsZero() throws IOException {
    String f = file("ok.edn", "{:process 0, :type :invoke, :f :write, :value 1}\n{:process 0, :type :ok, :f :write, :value 1}\n");
    assertThat(run(f, "--model", "register")).isEqualTo(HistoryCheck.LINEARIZABLE);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("linearizable (1 operations, 1 keys, model register)");
  }

  @Test
  void aViolationExitsOneWithItsExplanation() throws IOException {
    String f = file("bad.edn", """
        {:process 0, :type :invoke, :f :write, :value 1}
        {:process 0, :type :ok, :f :write, :value 1}
        {:process 1, :type :invoke, :f :read, :value nil}
        {:process 1, :type :ok, :f :read, :value nil}
        """);
    assertThat(run(f)).isEqualTo(HistoryCheck.NOT_LINEARIZABLE);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("NOT linearizable: key register")
        .contains("these 2 operations cannot be ordered").contains("timeline:").contains("p1 read register -> null ok");
  }

  @Test
  void overTheTimeLimitItExitsTwo() throws IOException {
    StringBuilder edn = new StringBuilder();
    for (int p = 0; p < 22; p++) {
      edn.append("{:process ").append(p).append(", :type :invoke, :f :write, :value ").append(p).append("}\n");
    }
    edn.append("{:process 99, :type :invoke, :f :read}\n{:process 99, :type :ok, :f :read, :value 99}\n");
    assertThat(run(file("hard.edn", edn.toString()), "--time-limit", "20ms")).isEqualTo(HistoryCheck.UNKNOWN);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("unknown: time limit of PT0.02S reached");
  }

  @Test
  void badInputExitsThreeWithOneLine() throws IOException {
    String f = file("broken.edn", "{:process 0, :type :invoke, :f :write, :value \"one\"}\n");
    assertThat(run(f)).isEqualTo(HistoryCheck.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(f + ":1: :value: expected an integer, got \"one\"" + System.lineSeparator());
    assertThat(run(f, "--model", "linear")).isEqualTo(HistoryCheck.BAD_INPUT);
    assertThat(run(dir.resolve("missing.edn").toString())).isEqualTo(HistoryCheck.BAD_INPUT);
    assertThat(run(f, "--time-limit", "soon")).isEqualTo(HistoryCheck.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown model 'linear'").contains("missing.edn: no such file")
        .contains("not a duration");
  }
}
