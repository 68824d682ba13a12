package org.bigdatalab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files behind {@code --input}, as Hadoop's FileInputFormat sees them: a file is itself; a
 * directory is every file directly in it, in name order, leaving out names that start with {@code _}
 * or {@code .} (a previous job's {@code _SUCCESS}, an editor's backup) as Hadoop's hidden-file filter
 * does. A directory inside an input directory is refused, as FileInputFormat refuses it unless told to
 * recurse. Every problem is one line naming the path.
 */
final class InputFiles {
  private InputFiles() {}

  static List<Path> expand(List<Path> inputs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new UserError(input + ": no such file or directory");
      }
      if (!Files.isDirectory(input)) {
        files.add(readable(input));
        continue;
      }
      List<Path> inDirectory;
      try (Stream<Path> list = Files.list(input)) {
        inDirectory = list.filter(p -> !hidden(p)).sorted().toList();
      }
      for (Path p : inDirectory) {
        if (Files.isDirectory(p)) {
          throw new UserError(p + ": a directory inside input directory " + input
              + " (inputs are read one level deep, as Hadoop's FileInputFormat does; name it as an --input of its own)");
        }
        files.add(readable(p));
      }
      if (inDirectory.isEmpty()) {
        throw new UserError(input + ": no input files in this directory (names starting with _ or . are skipped)");
      }
    }
    return files;
  }

  private static boolean hidden(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith("_") || name.startsWith(".");
  }

  private static Path readable(Path file) {
    if (!Files.isReadable(file)) {
      throw new UserError(file + ": cannot be read (permission denied)");
    }
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": not a regular file");
    }
    return file;
  }
}
