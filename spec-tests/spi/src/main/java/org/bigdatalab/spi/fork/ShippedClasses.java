package org.bigdatalab.spi.fork;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A class path split as a cluster sees it: what the cluster has installed (every third-party jar:
 * the engine and its dependencies) and what an application must ship to it (the lab's own classes).
 * The cluster rows start their daemons with {@link #installed} only and submit with the jars of
 * {@link #ship}, so a class that only the client has fails there as it would on a real cluster.
 */
public final class ShippedClasses {
  private ShippedClasses() {}

  /**
   * A class path entry of the lab's own: a classes directory, a jar a reactor build left in a
   * module's {@code target/}, or a jar of the org.bigdatalab group in the local repository.
   */
  public static boolean isLab(String entry) {
    Path path = Path.of(entry);
    return Files.isDirectory(path) || entry.replace(File.separatorChar, '/').contains("/org/bigdatalab/")
        || (path.getParent() != null && path.getParent().getFileName() != null
            && path.getParent().getFileName().toString().equals("target"));
  }

  /** The entries a cluster has installed: every one that is not the lab's. */
  public static List<String> installed(List<String> classpath) {
    return classpath.stream().filter(e -> !isLab(e)).toList();
  }

  /**
   * The jars an application ships: the lab's classes directories packed into {@code jar} (the first
   * copy of a name wins, as on a class path), then the lab's jars as they are.
   */
  public static List<String> ship(List<String> classpath, Path jar) throws IOException {
    Set<String> seen = new HashSet<>();
    List<String> jars = new ArrayList<>(List.of(jar.toString()));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String entry : classpath.stream().filter(ShippedClasses::isLab).toList()) {
        Path root = Path.of(entry);
        if (!Files.isDirectory(root)) {
          jars.add(entry);
          continue;
        }
        try (Stream<Path> files = Files.walk(root)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            String name = root.relativize(file).toString().replace(File.separatorChar, '/');
            if (seen.add(name)) {
              out.putNextEntry(new JarEntry(name));
              Files.copy(file, (OutputStream) out);
              out.closeEntry();
            }
          }
        }
      }
    }
    return jars;
  }
}
