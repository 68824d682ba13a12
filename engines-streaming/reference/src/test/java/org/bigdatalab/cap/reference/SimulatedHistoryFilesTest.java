package org.bigdatalab.cap.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.Cluster;
import org.bigdatalab.cap.ClusterConfig;
import org.bigdatalab.cap.RegisterOp;
import org.bigdatalab.cap.check.EdnHistory;
import org.bigdatalab.cap.check.HistoryCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Histories the simulation produces, written as EDN files and checked by the command users run on
 * their own: the same partition gives a linearizable history on the CP store and a violation on the
 * AP one.
 */
class SimulatedHistoryFilesTest {
  @TempDir Path dir;

  /** Node 0 is cut off; a client writes there, another writes on the majority side, then both sides read. */
  private static String partitionedRun(CapEngine engine) {
    try (Cluster c = engine.start(ClusterConfig.of(3, 3))) {
      c.runFor(500);
      c.invoke(1, new RegisterOp.Write("x", 1));
      c.runFor(200);
      c.network().partition(Set.of(0));
      c.runFor(1000);
      c.invoke(0, new RegisterOp.Write("x", 2));
      c.runFor(50);
      c.invoke(1, new RegisterOp.Write("x", 3));
      c.runFor(700);
      c.invoke(0, new RegisterOp.Read("x"));
      c.invoke(2, new RegisterOp.Read("x"));
      c.runFor(700);
      return EdnHistory.write(c.history());
    }
  }

  private int check(String edn, ByteArrayOutputStream out) throws IOException {
    Path file = Files.writeString(dir.resolve("history.edn"), edn);
    return HistoryCheck.run(new String[] {file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
  }

  @Test
  void theCpStoresHistoryIsLinearizable() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(check(partitionedRun(new QuorumStore()), out)).as(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(HistoryCheck.LINEARIZABLE);
  }

  @Test
  void theApStoresHistoryIsNotAndTheCheckerSaysWhy() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String edn = partitionedRun(new LwwStore());
    assertThat(check(edn, out)).as(edn).isEqualTo(HistoryCheck.NOT_LINEARIZABLE);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT linearizable: key x").contains("cannot be ordered")
        .contains("read x -> 2 ok");
  }
}
