package org.bigdatalab.mapreduce.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A temporary directory for one generated case: inputs under {@code in/}, output at {@code out}. */
final class Workspace implements AutoCloseable {
  final Path root;
  final Path output;

  private Workspace(Path root) {
    this.root = root;
    this.output = root.resolve("out");
  }

  static Workspace create() {
    try {
      return new Workspace(Files.createTempDirectory("mr-spec"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Path> write(List<InputFile> inputs) throws IOException {
    Path in = Files.createDirectories(root.resolve("in"));
    List<Path> paths = new ArrayList<>();
    for (InputFile f : inputs) {
      paths.add(f.writeTo(in));
    }
    return paths;
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
