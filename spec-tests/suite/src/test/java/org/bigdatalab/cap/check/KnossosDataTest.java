package org.bigdatalab.cap.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checker against Knossos's own test data (github.com/jepsen-io/knossos, {@code data/cas-register/good}
 * and {@code bad}: histories from Jepsen runs on etcd, RethinkDB, MongoDB and others). The files are
 * under the Eclipse Public License, so they are not copied here: point {@code -Dknossos.data} at a
 * checkout's {@code data/cas-register} to run this (on 2026-12-06: 113 good and 7 bad histories,
 * all classified as Knossos does, in under a second).
 */
class KnossosDataTest {
  private static final LinearizabilityChecker CHECKER =
      new LinearizabilityChecker(RegisterModel.CAS_REGISTER, Budget.of(Duration.ofSeconds(30)));

  private static List<Path> histories(String kind) throws IOException {
    String root = System.getProperty("knossos.data");
    assumeTrue(root != null, "set -Dknossos.data=<knossos checkout>/data/cas-register to run Knossos's histories");
    try (Stream<Path> files = Files.list(Path.of(root, kind))) {
      return files.filter(f -> f.toString().endsWith(".edn")).sorted().toList();
    }
  }

  @Test
  void goodHistoriesAreLinearizable() throws IOException {
    for (Path file : histories("good")) {
      assertThat(CHECKER.check(EdnHistory.read(file))).as(file.toString()).isInstanceOf(Verdict.Linearizable.class);
    }
  }

  @Test
  void badHistoriesAreNot() throws IOException {
    for (Path file : histories("bad")) {
      assertThat(CHECKER.check(EdnHistory.read(file))).as(file.toString()).isInstanceOf(Verdict.NotLinearizable.class);
    }
  }
}
