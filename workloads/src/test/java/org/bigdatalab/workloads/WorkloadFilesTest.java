package org.bigdatalab.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadFilesTest {
  @TempDir Path dir;

  @Test
  void writesAFileOfAboutTheTargetSizeAndTheSameBytesEachTime() throws IOException {
    ZipfTextGenerator text = new ZipfTextGenerator(1000, 1.0, 10, 8);
    Path a = dir.resolve("a/corpus.txt");
    Path b = dir.resolve("b/corpus.txt");
    long written = WorkloadFiles.write(a, text, 1_000_000);
    WorkloadFiles.write(b, text, 1_000_000);
    assertThat(Files.size(a)).isEqualTo(written).isBetween(1_000_000L, 1_000_080L);
    assertThat(Files.mismatch(a, b)).isEqualTo(-1);
  }

  @Test
  void overwritesAnExistingFile() throws IOException {
    Path file = dir.resolve("pairs.tsv");
    WorkloadFiles.write(file, new SkewedPairsGenerator(10, 1, 1), 100_000);
    long small = WorkloadFiles.write(file, new SkewedPairsGenerator(10, 1, 1), 1000);
    assertThat(Files.size(file)).isEqualTo(small);
  }

  @Test
  void parallelTeraFileEqualsSequentialOne() throws IOException {
    TeraRecordGenerator tera = new TeraRecordGenerator(5);
    long rows = 2 * TeraRecordGenerator.ROWS_PER_BLOCK + 123; // parts start mid-block
    Path sequential = dir.resolve("seq.dat");
    Path parallel = dir.resolve("par.dat");
    WorkloadFiles.write(sequential, tera, rows * TeraRecordGenerator.RECORD_BYTES);
    WorkloadFiles.writeTeraParallel(parallel, tera, rows, 3);
    assertThat(Files.size(parallel)).isEqualTo(rows * TeraRecordGenerator.RECORD_BYTES);
    assertThat(Files.mismatch(sequential, parallel)).isEqualTo(-1);
  }
}
