package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code lab history check} on hand-made histories: what it prints and the exit code a script relies on. */
class HistoryCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int lab(String... args) {
    CommandLine cli = Lab.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static String history(String name) throws URISyntaxException {
    return Path.of(HistoryCommandTest.class.getResource("/history/" + name).toURI()).toString();
  }

  @Test
  void aLinearizableHistoryExitsZero() throws Exception {
    // three clients, overlapping operations, a failed cas and a write of unknown outcome
    assertThat(lab("history", "check", history("linearizable.edn"))).isZero();
    assertThat(out.toString()).startsWith("linearizable (6 operations, 1 keys, model cas-register)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aStaleReadExitsOneAndNamesTheOperationsThatCannotBeOrdered() throws Exception {
    assertThat(lab("history", "check", history("stale-read.edn"), "--time-limit", "5s")).isEqualTo(1);
    assertThat(out.toString()).startsWith("NOT linearizable: key register (model cas-register)")
        .contains("operations cannot be ordered").contains("p2 read register -> 1 ok").contains("timeline:");
  }

  @Test
  void theSameHistoryUnderTheRegisterModelIsBadInput() throws Exception {
    // the plain register model has no cas: a history that uses one is input it cannot read, not a violation
    assertThat(lab("history", "check", history("stale-read.edn"), "--model", "register")).isEqualTo(3);
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void aMalformedHistoryExitsThreeWithOneLineNamingFileAndLine() throws Exception {
    String file = history("malformed.edn");
    assertThat(lab("history", "check", file)).isEqualTo(3);
    assertThat(err.toString().lines()).singleElement().asString().startsWith(file + ":3: ").doesNotContain("Exception");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aMissingFileOrUnknownOptionExitsThree() {
    assertThat(lab("history", "check", "no-such-history.edn")).isEqualTo(3);
    assertThat(err.toString()).isEqualTo("no-such-history.edn: no such file" + System.lineSeparator());
    assertThat(lab("history", "check", "x.edn", "--modle", "register")).isEqualTo(3);
    assertThat(err.toString()).contains("Unknown options: '--modle'").contains("did you mean --model?");
  }
}
