package org.bigdatalab.suite.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.bigdatalab.spi.Engine;

/**
 * The suite tests itself: a deliberately broken engine must make the matching clause fail. A clause
 * that no broken engine can fail has no teeth.
 *
 * <pre>{@code
 * assertThat(SelfTest.statusOf(new DropsLastLineOfSplit(), "mapreduce.splits.exactly-once"))
 *     .isEqualTo(ClauseStatus.FAILED);
 * }</pre>
 */
public final class SelfTest {
  private static final int TRIES = 40;

  private SelfTest() {}

  /** Runs only the given clause's checks against the engine and returns the clause's result. */
  public static ClauseResult run(Engine engine, String clause) {
    Path work = null;
    try {
      work = Files.createTempDirectory("bigdatalab-selftest");
      ConformanceRunner runner = new ConformanceRunner(TRIES, work, false);
      return runner.run(engine, Set.of(clause), c -> {}).find(engine.info().id(), clause).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(work);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp directory is harmless
    }
  }

  public static ClauseStatus statusOf(Engine engine, String clause) {
    return run(engine, clause).status();
  }
}
