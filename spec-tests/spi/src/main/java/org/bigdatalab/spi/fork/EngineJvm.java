package org.bigdatalab.spi.fork;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.Topic;

/**
 * The one way to run engines in a JVM of their own. Spark, Flink, Kafka Streams (and, for the guide,
 * Hadoop) cannot share one class path with each other or with the lab CLI, so the conformance matrix,
 * the benchmarks and the guide's chapter programs run them in a child JVM with the class path of the
 * engine module that holds them. What those three share lives here, in the lowest module they all
 * depend on (and the only one every engine module has on its own class path, so the child finds it):
 *
 * <ul>
 *   <li>finding a module by engine id ({@link #moduleHolding}): a module opts in by writing
 *       {@value #CLASSPATH_FILE} when it is built; which engines it holds is asked of the module itself
 *       (a short run of {@link #main}), and the answer kept in {@value #IDS_FILE} until it is built again;
 *   <li>the child's class path ({@link Launch#classpath}): the module's classes and jars first (the
 *       engine's versions win), then the caller's entries whose artifact the engine does not bring;
 *   <li>the JVM flags ({@link #jvmFlags}): {@code bigdatalab-engine-jvm.properties}, filtered from the
 *       parent pom into this module, so no lower module reads what an upper one writes;
 *   <li>the wire format: {@code java … MAIN ANSWER_FILE ARGS…}; the child ({@link #serve}) writes its
 *       answer to ANSWER_FILE and exits 0; progress lines go to standard output prefixed with
 *       {@value #PROGRESS} ({@link #progress}); anything else there is the engine's chatter, whose last
 *       {@value #TAIL_LINES} lines make the error when the child fails. Records in an answer are
 *       tab-separated fields ({@link #record}, {@link #fields});
 *   <li>daemons ({@link Launch#start}, {@link DaemonJvm}): the processes of a cluster on this machine
 *       (a Kafka broker, a ZooKeeper server, a Spark master), started with the same class path and
 *       flags, their output kept in a log file, stopped when closed or when this JVM ends.
 * </ul>
 */
public final class EngineJvm {
  /** Where the checkout is; {@code ./lab} and the build set it to the repository root. */
  public static final String ROOT_PROPERTY = "lab.root";
  /** What an engine module's build writes to run in a JVM of its own: its jars, one class path line. */
  public static final String CLASSPATH_FILE = "target/lab-engine.classpath";
  /** The engines a module holds, as its own registry listed them; written here, beside its class path. */
  static final String IDS_FILE = "target/lab-engine.ids";
  /** The module's own engine providers (the registry's service file in its built classes). */
  static final String SERVICES_FILE = "target/classes/META-INF/services/org.bigdatalab.spi.EngineProvider";
  static final String PROGRESS = "progress\t";
  static final int TAIL_LINES = 40;
  /** A jar's artifact id: its file name up to the version. */
  private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
  private static final Pattern JAR = Pattern.compile("(.+?)-\\d[^/\\\\]*\\.jar");

  private EngineJvm() {}

  /** A built engine module and the engines its registry holds. */
  public record Module(Path dir, List<EngineInfo> engines) {
    public String name() {
      return dir.getFileName().toString();
    }

    public boolean holds(String id) {
      return engines.stream().anyMatch(e -> e.id().equals(id));
    }
  }

  /**
   * The checkout whose engine modules are used: {@value #ROOT_PROPERTY}, else the working directory
   * (so a test run inside one module forks nothing unless it names a root).
   */
  public static Path root() {
    return Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
  }

  /** The engine modules built under {@code root} ({@code engines-*}/*), in a stable order. */
  public static List<Module> modules(Path root) {
    List<Module> found = new ArrayList<>();
    try (Stream<Path> groups = Files.list(root)) {
      for (Path group : groups.filter(d -> d.getFileName().toString().startsWith("engines-")).sorted().toList()) {
        try (Stream<Path> dirs = Files.list(group)) {
          for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve(CLASSPATH_FILE))).sorted().toList()) {
            found.add(new Module(dir, listed(dir)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for engine modules under " + root, e);
    }
    return found;
  }

  /** The built modules under {@code root} with engines that {@code here} lacks, each with those engines only. */
  public static List<Module> modulesBeyond(EngineRegistry here, Path root) {
    Set<String> local = here.engines().stream().map(EngineInfo::id).collect(Collectors.toSet());
    return modules(root).stream()
        .map(m -> new Module(m.dir(), m.engines().stream().filter(e -> !local.contains(e.id())).toList()))
        .filter(m -> !m.engines().isEmpty()).toList();
  }

  /** The built module under {@code root} whose registry holds {@code engineId}; says how to build it if none does. */
  public static Module moduleHolding(String engineId, Path root) {
    List<Module> built = modules(root);
    return built.stream().filter(m -> m.holds(engineId)).findFirst().orElseThrow(() -> new IllegalStateException(
        "no engine module built under " + root + " holds engine '" + engineId + "' (built: "
            + built.stream().map(m -> root.relativize(m.dir()) + " " + m.engines().stream().map(EngineInfo::id).toList()).toList()
            + "); build the module that registers it (./mvnw -pl <module> -am package -DskipTests, or ./lab)"));
  }

  /** A child JVM running {@code mainClass} with {@code module}'s class path. */
  public static Launch launch(Module module, String mainClass) {
    return new Launch(module.name(), module, List.of(), mainClass);
  }

  /**
   * A child JVM running {@code mainClass} with the given class path, named {@code name} in errors and
   * logs: a cluster daemon started from a test or an engine with the class path it runs on itself
   * ({@code java.class.path}, which Surefire sets to the test class path too).
   */
  public static Launch launch(String name, List<String> classpath, String mainClass) {
    return new Launch(name, null, classpath, mainClass);
  }

  /** How one child JVM is started; {@link #call} runs it to its answer, {@link #start} keeps it serving. */
  public static final class Launch {
    private final String name;
    private final Module module;
    private final List<String> ownClasspath;
    private final String mainClass;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> classpathAfter = new ArrayList<>();
    private final java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
    private int heapMegabytes = 1024;
    private String purpose;
    private Consumer<String> chatter = line -> {};

    private Launch(String name, Module module, List<String> ownClasspath, String mainClass) {
      this.name = name;
      this.module = module;
      this.ownClasspath = List.copyOf(ownClasspath);
      this.mainClass = mainClass;
      this.purpose = mainClass.substring(mainClass.lastIndexOf('.') + 1);
    }

    public Launch heapMegabytes(int megabytes) {
      this.heapMegabytes = megabytes;
      return this;
    }

    /** A JVM argument besides the heap and the engines' flags, such as {@code -Dkey=value}. */
    public Launch jvmArg(String arg) {
      jvmArgs.add(arg);
      return this;
    }

    /** Class path entries for what the child runs besides the engine; each is left out when the engine brings its artifact. */
    public Launch classpathAfter(List<String> entries) {
      classpathAfter.addAll(entries);
      return this;
    }

    /** An environment variable of the child, besides this JVM's ({@code SPARK_HOME} for a Spark worker). */
    public Launch env(String key, String value) {
      env.put(key, value);
      return this;
    }

    /** What the child is for, in the error when it fails. */
    public Launch purpose(String text) {
      this.purpose = text;
      return this;
    }

    /** Where the engine's own output goes, line by line (by default nowhere; its tail still makes the error). */
    public Launch chatter(Consumer<String> sink) {
      this.chatter = sink;
      return this;
    }

    /**
     * The module's classes and jars (or the class path given instead of a module), then each
     * {@link #classpathAfter} entry whose artifact is not there yet.
     */
    public String classpath() throws IOException {
      List<String> entries = new ArrayList<>();
      if (module != null) {
        entries.add(module.dir().resolve("target/classes").toString());
        entries.addAll(split(Files.readString(module.dir().resolve(CLASSPATH_FILE))));
      } else {
        entries.addAll(ownClasspath);
      }
      Set<String> present = new HashSet<>();
      entries.forEach(e -> present.add(artifact(e)));
      for (String entry : classpathAfter) {
        if (present.add(artifact(entry))) {
          entries.add(entry);
        }
      }
      return String.join(File.pathSeparator, entries);
    }

    /**
     * Runs the child with {@code args} after its answer file, passes its progress lines on as they
     * come, and returns its answer; a child that exits non-zero throws with its last lines.
     */
    public String call(List<String> args, Consumer<String> progress) throws IOException {
      Path answer = Files.createTempFile("bigdatalab-" + name, ".answer");
      try {
        List<String> command = command(mainClass);
        command.add(answer.toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith(PROGRESS)) {
              progress.accept(line.substring(PROGRESS.length()));
            } else {
              chatter.accept(line);
              tail.addLast(line);
              if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
              }
            }
          }
          int status = process.waitFor();
          if (status != 0) {
            throw new IllegalStateException(purpose + " failed in a JVM with the " + name + " module's class path (exit "
                + status + "); its last lines:\n" + String.join("\n", tail));
          }
        } catch (InterruptedException e) {
          process.destroy();
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while " + purpose + " ran in the " + name + " module's JVM", e);
        }
        return Files.readString(answer, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(answer);
      }
    }

    /**
     * Starts the child as a daemon that serves until {@link DaemonJvm#close} (or until this JVM
     * exits): {@code mainClass}'s {@code main(args)}, its output written to
     * {@code target/cluster-logs/<name>.log} ({@link DaemonJvm#LOG_DIR}).
     */
    public DaemonJvm start(List<String> args) throws IOException {
      return start(args, DaemonJvm.LOG_DIR);
    }

    /** {@link #start(List)} with its log in {@code logDir}. */
    public DaemonJvm start(List<String> args, Path logDir) throws IOException {
      classpathAfter(List.of(locationOf(DaemonJvm.class)));  // the child's own main, whatever the class path given
      List<String> command = command(DaemonJvm.class.getName());
      command.add(mainClass);
      command.addAll(args);
      return DaemonJvm.start(name, purpose, command, env, logDir);
    }

    private List<String> command(String main) throws IOException {
      List<String> command = new ArrayList<>(List.of(javaLauncher(), "-Xmx" + heapMegabytes + "m"));
      command.addAll(jvmFlags());
      command.addAll(jvmArgs);
      command.addAll(List.of("-cp", classpath(), main));
      return command;
    }
  }

  /** What a child JVM answers: given its arguments (after the answer file), it writes its answer. */
  @FunctionalInterface
  public interface Answer {
    void write(List<String> args, PrintStream answer) throws Exception;
  }

  /** A child's main: writes {@code body}'s answer to the file its parent named, then exits (0, or 1 with the stack trace). */
  public static void serve(String[] args, Answer body) {
    try (PrintStream answer = new PrintStream(Files.newOutputStream(Path.of(args[0])), true, StandardCharsets.UTF_8)) {
      body.write(List.of(args).subList(1, args.length), answer);
    } catch (Throwable t) {
      t.printStackTrace(System.out); // the parent shows the last lines
      System.out.flush();
      System.exit(1);
    }
    System.out.flush();
    System.exit(0); // engines may leave non-daemon threads behind (Spark does)
  }

  /** In a child: a progress line for the parent. */
  public static void progress(String line) {
    System.out.println(PROGRESS + line);
  }

  /** One record of an answer: the fields, tab-separated, with tabs and line breaks inside them made spaces. */
  public static String record(String... fields) {
    return Stream.of(fields).map(f -> f.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ')).collect(Collectors.joining("\t"));
  }

  public static String[] fields(String record) {
    return record.split("\t", -1);
  }

  /**
   * The listing child: one record per engine of this class path's registry (id, topic, kind, name);
   * given provider class names after the answer file, only the engines those providers register.
   */
  public static void main(String[] args) {
    serve(args, (providers, answer) -> {
      EngineRegistry registry = EngineRegistry.load();
      for (EngineInfo info : registry.engines()) {
        if (providers.isEmpty() || providers.contains(registry.provider(info.id()).getClass().getName())) {
          answer.println(record(info.id(), info.topic().id(), info.kind().name(), info.displayName()));
        }
      }
    });
  }

  /**
   * The engines of the module at {@code dir}: from {@value #IDS_FILE} if the module was not built
   * since, else asked of it. Only those its own classes register: a module that builds on another's
   * engines (the lambda combinations on spark, spark-streaming and kafka) has them on its class path
   * too, and the module that owns an engine is the one that runs it.
   */
  private static List<EngineInfo> listed(Path dir) throws IOException {
    Path ids = dir.resolve(IDS_FILE);
    if (!Files.isRegularFile(ids) || Files.getLastModifiedTime(ids).toMillis() < builtAt(dir)) {
      String answer = launch(new Module(dir, List.of()), EngineJvm.class.getName()).heapMegabytes(256)
          .purpose("listing the engines of " + dir).classpathAfter(List.of(locationOf(EngineJvm.class))).call(ownProviders(dir), line -> {});
      Path fresh = Files.createTempFile(ids.getParent(), "lab-engine", ".ids");
      Files.writeString(fresh, answer, StandardCharsets.UTF_8);
      Files.move(fresh, ids, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    List<EngineInfo> engines = new ArrayList<>();
    for (String line : Files.readAllLines(ids, StandardCharsets.UTF_8)) {
      String[] f = fields(line);
      engines.add(EngineInfo.builder(f[0], Topic.byId(f[1])).kind(EngineInfo.Kind.valueOf(f[2])).displayName(f[3]).build());
    }
    return engines;
  }

  /** The provider classes the module's own service file names (none if it has none: then every engine on its class path counts). */
  private static List<String> ownProviders(Path dir) throws IOException {
    Path services = dir.resolve(SERVICES_FILE);
    if (!Files.isRegularFile(services)) {
      return List.of();
    }
    return Files.readAllLines(services, StandardCharsets.UTF_8).stream().map(l -> l.replaceFirst("#.*", "").trim())
        .filter(l -> !l.isEmpty()).toList();
  }

  /** When the module's class path or its engine list last changed. */
  private static long builtAt(Path dir) throws IOException {
    long built = Files.getLastModifiedTime(dir.resolve(CLASSPATH_FILE)).toMillis();
    Path services = dir.resolve(SERVICES_FILE);
    return Files.isRegularFile(services) ? Math.max(built, Files.getLastModifiedTime(services).toMillis()) : built;
  }

  /** The JVM flags the project's real engines need on Java 17 (the parent pom's {@code engine.jvm.flags}). */
  public static List<String> jvmFlags() {
    try (InputStream in = EngineJvm.class.getResourceAsStream("/bigdatalab-engine-jvm.properties")) {
      if (in == null) {
        throw new IllegalStateException("bigdatalab-engine-jvm.properties is missing from spec-tests/spi's classes: rebuild it");
      }
      Properties props = new Properties();
      props.load(in);
      String value = props.getProperty("jvm.flags", "").trim();
      return value.isEmpty() || value.contains("${") ? List.of() : List.of(value.split("\\s+"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bigdatalab-engine-jvm.properties", e);
    }
  }

  /** The {@code java} launcher of this JVM, for child JVMs. */
  public static String javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Where a class was loaded from (its classes directory or jar), as a class path entry. */
  public static String locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
    }
  }

  public static List<String> split(String classpath) {
    return Stream.of(classpath.trim().split(File.pathSeparator)).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * {@code …/jackson-databind-2.18.6.jar} → jackson-databind; {@code …/engines-mapreduce/reference/target/classes} →
   * mapreduce-reference, the artifactId its pom declares (the jar's name), not the folder's: three modules' folders
   * are called {@code reference}, and naming them alike dropped all but the first from a merged class path.
   */
  public static String artifact(String entry) {
    Path path = Path.of(entry);
    if (path.endsWith(Path.of("target", "classes"))) {
      Path module = path.getParent().getParent();
      return declaredArtifactId(module.resolve("pom.xml")).orElse(module.getFileName().toString());
    }
    String name = path.getFileName().toString();
    Matcher m = JAR.matcher(name);
    return m.matches() ? m.group(1) : name;
  }

  /** The pom's own {@code <artifactId>} (the one outside {@code <parent>}), if the pom is there. */
  private static Optional<String> declaredArtifactId(Path pom) {
    if (!Files.isRegularFile(pom)) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", "");
      Matcher m = ARTIFACT_ID.matcher(text);
      return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pom, e);
    }
  }
}
