package org.bigdatalab.mapreduce.reference;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.OutputDirectoryExistsException;

/**
 * The commit protocol of the reference engines: reducers write into a hidden staging directory
 * beside the output; commit writes {@code _SUCCESS} there and renames the whole directory into
 * place in one atomic move; abort deletes it. So the output directory either does not exist or is
 * complete.
 */
public final class StagedOutput implements AutoCloseable {
  private final Path output;
  private final Path staging;
  private boolean committed;

  public StagedOutput(Path output) throws OutputDirectoryExistsException, IOException {
    if (Files.exists(output)) {
      throw new OutputDirectoryExistsException(output);
    }
    this.output = output.toAbsolutePath();
    Files.createDirectories(this.output.getParent());
    this.staging = Files.createDirectory(this.output.resolveSibling(
        "." + this.output.getFileName() + ".staging-" + UUID.randomUUID()));
  }

  /**
   * A fresh, hidden file for one attempt of one reduce task; only the winning attempt is promoted,
   * a failed one is discarded with {@link #discard(Path)}.
   */
  public Path attemptFile(int partition, int attempt) {
    return staging.resolve("_" + JobOutput.partName(partition) + ".attempt-" + attempt);
  }

  public void discard(Path attemptFile) throws IOException {
    Files.deleteIfExists(attemptFile);
  }

  public BufferedWriter open(Path attemptFile) throws IOException {
    return Files.newBufferedWriter(attemptFile, StandardCharsets.UTF_8);
  }

  /** Makes an attempt's file the partition's output. */
  public void promote(Path attemptFile, int partition) throws IOException {
    Files.move(attemptFile, staging.resolve(JobOutput.partName(partition)), StandardCopyOption.REPLACE_EXISTING);
  }

  public void commit() throws IOException {
    Files.createFile(staging.resolve(JobOutput.SUCCESS_MARKER));
    Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
  }

  /** Aborts unless committed: nothing of the job remains. */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    try (Stream<Path> walk = Files.walk(staging)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
