package org.bigdatalab.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bigdatalab.guide.Scratch;

/**
 * Whether the build's rendering of the guide ({@code guide/target/guide}: the build runs every chapter
 * program once, as {@code ./lab} and {@code ./mvnw verify} do) can stand for a fresh one, so the tour
 * copies it instead of running every chapter again. It can where it is whole (its page and every
 * program's output, the page written after them: a render that failed half-way deleted the old outputs
 * and wrote no page) and no source of the project (a file under a {@code src} folder, a {@code pom.xml}; tests
 * are not, nor is {@code benchmarks/}, the lab CLI and the benchmarks, built on the guide and never run by a
 * chapter) changed since its page was written: the chapters' outputs come from the engines' code too.
 */
final class GuideRendering {
  private GuideRendering() {}

  /** The build's rendering in the checkout at {@code root}. */
  static Path ofBuild(Path root) {
    return root.resolve("guide").resolve("target").resolve("guide");
  }

  /** Why {@code rendering} cannot be reused, or empty where it can. */
  static Optional<String> whyNot(Path rendering, Path root, List<String> programs) throws IOException {
    Path page = rendering.resolve("index.html");
    if (!Files.isRegularFile(page)) {
      return Optional.of("no rendering at " + rendering);
    }
    FileTime written = Files.getLastModifiedTime(page);
    for (String program : programs) {
      Path output = rendering.resolve("snippets").resolve(program + ".txt");
      if (!Files.isRegularFile(output) || Files.getLastModifiedTime(output).compareTo(written) > 0) {
        return Optional.of("the rendering at " + rendering + " lacks the output of " + program);
      }
    }
    Optional<Path> newer = newerSource(root, written);
    return newer.map(p -> root.relativize(p) + " changed after the guide was rendered");
  }

  /** A source file of the project newer than {@code time}; build outputs and hidden folders are not sources. */
  static Optional<Path> newerSource(Path root, FileTime time) throws IOException {
    Path[] found = new Path[1];
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        boolean builtOnTheGuide = dir.equals(root.resolve("benchmarks"));   // the lab CLI and the benchmarks run no chapter
        return !dir.equals(root) && (name.equals("target") || name.startsWith(".") || builtOnTheGuide) ? FileVisitResult.SKIP_SUBTREE
            : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String path = root.relativize(file).toString().replace('\\', '/');
        boolean source = file.getFileName().toString().equals("pom.xml") || path.contains("src/") && !path.contains("src/test/");
        if (source && attrs.lastModifiedTime().compareTo(time) > 0) {
          found[0] = file;
          return FileVisitResult.TERMINATE;
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return Optional.ofNullable(found[0]);
  }

  /** Replaces {@code target} with a copy of {@code rendering}; returns the copy's page. */
  static Path copy(Path rendering, Path target) throws IOException {
    Scratch.deleteRecursively(target);
    try (Stream<Path> files = Files.walk(rendering)) {
      files.forEach(from -> {
        try {
          Path to = target.resolve(rendering.relativize(from).toString());
          if (Files.isDirectory(from)) {
            Files.createDirectories(to);
          } else {
            Files.copy(from, to);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return target.resolve("index.html");
  }
}
