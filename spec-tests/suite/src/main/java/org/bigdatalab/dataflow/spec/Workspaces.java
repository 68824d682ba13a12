package org.bigdatalab.dataflow.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reading what a save left, and cleaning up temporary directories. */
final class Workspaces {
  private Workspaces() {}

  static List<Path> partFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
    }
  }

  static List<String> lines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path part : partFiles(dir)) {
      lines.addAll(Files.readAllLines(part));
    }
    return lines;
  }

  static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temporary directory is harmless
    }
  }
}
