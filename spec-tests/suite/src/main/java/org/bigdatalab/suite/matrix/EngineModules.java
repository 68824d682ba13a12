package org.bigdatalab.suite.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The engine modules that cannot share the lab CLI's class path (Spark, Flink, Kafka Streams) and
 * what a JVM of their own needs. A module opts in by writing {@code target/lab-engine.classpath}
 * when it is built (see engines-dataflow/spark/pom.xml); the conformance matrix
 * ({@code ForkedMatrix}), the benchmarks ({@code ForkedBench}) and the guide's chapter programs
 * ({@code ForkedChapter}) all find them here and build their class paths the same way.
 */
public final class EngineModules {
  /** Where the checkout is; {@code ./lab} sets it to the repository root. */
  public static final String ROOT_PROPERTY = "lab.root";
  public static final String CLASSPATH_FILE = "target/lab-engine.classpath";

  private EngineModules() {}

  /**
   * The checkout whose engine modules are used: {@value #ROOT_PROPERTY}, else the working
   * directory (so a test run inside one module forks nothing unless it asks for a root).
   */
  public static Path root() {
    return Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
  }

  /**
   * The {@code lab-engine.classpath} files of the engine modules built in the checkout at
   * {@code root}, in a stable order; a module whose engines are all on this JVM's class path already
   * (mr-hadoop writes the file for the guide, but the CLI carries it) is left out: forking it would
   * run nothing.
   */
  public static List<Path> classpathFiles(Path root) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path group : dirs.filter(d -> d.getFileName().toString().startsWith("engines-")).sorted().toList()) {
        try (Stream<Path> modules = Files.list(group)) {
          modules.map(m -> m.resolve(CLASSPATH_FILE)).filter(Files::isRegularFile)
              .filter(file -> !providersLoadHere(moduleOf(file))).sorted().forEach(found::add);
        }
      }
    }
    return found;
  }

  /** Whether every engine provider the module registers is a class this JVM can load. */
  static boolean providersLoadHere(Path module) {
    Path services = module.resolve("target/classes/META-INF/services/org.bigdatalab.spi.EngineProvider");
    try {
      List<String> providers = Files.isRegularFile(services)
          ? Files.readAllLines(services).stream().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty()).toList()
          : List.of();
      for (String provider : providers) {
        Class.forName(provider, false, EngineModules.class.getClassLoader());
      }
      return !providers.isEmpty();
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The module directory of a {@code lab-engine.classpath} file. */
  public static Path moduleOf(Path classpathFile) {
    return classpathFile.getParent().getParent();
  }

  /** The module's own classes, then the jars its build listed: the engine's versions, as its tests saw them. */
  public static List<String> engineClasspath(Path classpathFile) throws IOException {
    List<String> entries = new ArrayList<>();
    entries.add(moduleOf(classpathFile).resolve("target/classes").toString());
    entries.addAll(split(Files.readString(classpathFile)));
    return entries;
  }

  public static List<String> split(String classpath) {
    return Stream.of(classpath.trim().split(java.io.File.pathSeparator)).filter(s -> !s.isEmpty()).toList();
  }

  /** The JVM flags the project's real engines need on Java 17 (the parent pom's {@code engine.jvm.flags}, via lab-build.properties). */
  public static List<String> jvmFlags() {
    try (InputStream in = EngineModules.class.getResourceAsStream("/lab-build.properties")) {
      if (in == null) {
        return List.of();
      }
      Properties props = new Properties();
      props.load(in);
      String value = props.getProperty("jvm.flags", "").trim();
      return value.isEmpty() || value.contains("${") ? List.of() : List.of(value.split("\\s+"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lab-build.properties", e);
    }
  }

  /** The {@code java} launcher of this JVM, for child JVMs. */
  public static String javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
