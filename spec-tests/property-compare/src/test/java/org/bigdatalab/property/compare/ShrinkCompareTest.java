package org.bigdatalab.property.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the comparison so that {@code -Pshrink-compare verify} exercises it: one seed by default,
 * {@code -Dshrink.seeds=5} for the table in SHRINKING.md. The table goes to
 * {@code target/shrink-compare.md}.
 */
class ShrinkCompareTest {

  @Test
  void everyCandidateFindsAndShrinksEveryCase() throws IOException {
    int seeds = Integer.getInteger("shrink.seeds", 1);
    List<ShrinkCompare.Row> rows = ShrinkCompare.measure(seeds, System.getProperty("shrink.only", ""), System.out);
    String table = ShrinkCompare.table(rows, seeds);
    System.out.println(table);
    Files.writeString(Path.of("target", "shrink-compare.md"), table);
    assertEquals(2 * ShrinkCompare.cases().stream()
        .filter(c -> c.name().contains(System.getProperty("shrink.only", ""))).count(), rows.size());
    for (ShrinkCompare.Row row : rows) {
      for (ShrinkCompare.Run run : row.runs()) {
        assertNotNull(run.value(), row.c().name() + " / " + row.candidate() + ": " + run.note());
      }
      if (row.candidate().equals("ours")) {
        // Ours must not fall behind the known minimum on the broken engines: that is what it is for.
        if (row.c().name().contains(":")) {
          assertTrue(row.runs().stream().allMatch(r -> ShrinkCompare.minimal(row.c(), r)),
              row.c().name() + ": " + row.runs());
        }
      }
    }
  }
}
