package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The spill files of one task attempt: fresh names under the job's spill directory, all starting
 * with the attempt's prefix (e.g. {@code m-00003-a1}), and the list of what was created, so a
 * failed attempt can remove everything it wrote. Used by one thread at a time.
 */
final class SpillNames {
  private final Path dir;
  private final String prefix;
  private final Set<Path> created = new LinkedHashSet<>();
  private int next;

  SpillNames(Path dir, String prefix) {
    this.dir = dir;
    this.prefix = prefix;
  }

  /** A new file name, e.g. {@code m-00003-a1-spill-4}. */
  Path next(String kind) {
    Path path = dir.resolve(prefix + "-" + kind + "-" + next++);
    created.add(path);
    return path;
  }

  /** Deletes a file if this attempt created it; files of other tasks (a map output read by a reducer) are left alone. */
  void discard(Path path) throws IOException {
    if (created.remove(path)) {
      Files.deleteIfExists(path);
    }
  }

  /** Deletes every file this attempt created except {@code keep} (may be null). */
  void discardAllBut(Path keep) throws IOException {
    IOException first = null;
    for (Path path : created) {
      if (path.equals(keep)) {
        continue;
      }
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    created.removeIf(p -> !p.equals(keep));
    if (first != null) {
      throw first;
    }
  }
}
