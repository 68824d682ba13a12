package org.bigdatalab.spi.fork;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process of a cluster on this machine (a Kafka broker, a ZooKeeper server, a Spark master or
 * worker): a child JVM started by {@link EngineJvm.Launch#start} that serves until it is closed.
 *
 * <p>Why it is built this way:
 * <ul>
 *   <li>The child runs this class's {@link #main}, which calls the daemon's own main class and
 *       watches its standard input: when the parent closes it, or dies and the pipe breaks, the child
 *       exits (shutdown hooks run). A test JVM killed by Surefire's timeout leaves no broker behind.</li>
 *   <li>Everything it prints goes to {@code <logDir>/<name>.log}, kept after the run: a failure
 *       names the file, and the last lines are in the exception.</li>
 *   <li>Readiness is what the daemon says, not a guess: {@link #awaitLine} waits for a line of its
 *       output (our own mains print one, others log one: Spark's master logs its URL).</li>
 *   <li>{@link #close} stops the whole family: processes the daemon started (a Spark worker's
 *       executors) are listed before it goes, and any left alive after it are killed.</li>
 * </ul>
 */
public final class DaemonJvm implements AutoCloseable {
  /** Where daemons' logs go unless told otherwise: under the working directory's {@code target/}, kept after the run. */
  public static final Path LOG_DIR = Path.of("target", "cluster-logs");
  private static final java.util.concurrent.atomic.AtomicInteger STARTED = new java.util.concurrent.atomic.AtomicInteger();

  /** How long a daemon gets to stop on its own once told to, before it is killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final int KEPT_LINES = 20_000;

  private final String name;
  private final String purpose;
  private final Process process;
  private final Path log;
  private final List<String> lines = new ArrayList<>();
  private final Thread pump;
  private boolean ended;

  private DaemonJvm(String name, String purpose, Process process, Path log) {
    this.name = name;
    this.purpose = purpose;
    this.process = process;
    this.log = log;
    this.pump = new Thread(this::pumpOutput, "daemon-log-" + name);
    pump.setDaemon(true);
    pump.start();
  }

  static DaemonJvm start(String name, String purpose, List<String> command, java.util.Map<String, String> env, Path logDir)
      throws IOException {
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log").toAbsolutePath();
    Files.writeString(log, String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    return new DaemonJvm(name, purpose, process, log);
  }

  /** The log file of the daemon's output. */
  public Path log() { return log; }

  public long pid() { return process.pid(); }

  public boolean isAlive() { return process.isAlive(); }

  /**
   * Waits until the daemon has printed a line matching {@code pattern} (since it started) and returns
   * its match; throws with the last lines and the log's path if the daemon exits first or the time runs out.
   */
  public Matcher awaitLine(Pattern pattern, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    synchronized (lines) {
      while (true) {
        for (; seen < lines.size(); seen++) {
          Matcher m = pattern.matcher(lines.get(seen));
          if (m.find()) {
            return m;
          }
        }
        long left = deadline - System.nanoTime();
        if (ended || left <= 0) {
          throw failure(ended ? "exited (" + exitText() + ") before it printed /" + pattern + "/"
              : "printed no line matching /" + pattern + "/ within " + timeout.toSeconds() + " s");
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lines, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw failure("was interrupted while waiting for /" + pattern + "/");
        }
      }
    }
  }

  /** An error about this daemon: what happened, its log's path and its last lines. */
  public IllegalStateException failure(String what) {
    List<String> tail;
    synchronized (lines) {
      tail = new ArrayList<>(lines.subList(Math.max(0, lines.size() - EngineJvm.TAIL_LINES), lines.size()));
    }
    return new IllegalStateException(purpose + " (" + name + ", pid " + process.pid() + ") " + what + "; log: " + log
        + "; its last lines:\n" + String.join("\n", tail));
  }

  /**
   * Stops the daemon: closes its standard input (it exits on its own, shutdown hooks included), kills
   * it if it is still there after {@link #STOP_GRACE}, then kills whatever it started that outlived it.
   */
  @Override
  public void close() {
    List<ProcessHandle> family = process.descendants().toList();
    try {
      process.getOutputStream().close();
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle orphan : family.stream().filter(ProcessHandle::isAlive).toList()) {
      orphan.destroyForcibly();
      try {
        orphan.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // killed with SIGKILL; the system reaps it
      }
    }
    try {
      pump.join(STOP_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String exitText() {
    return process.isAlive() ? "still running" : "exit " + process.exitValue();
  }

  /** Copies the daemon's output to its log and keeps the lines for {@link #awaitLine}. */
  private void pumpOutput() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND)) {
      for (String line; (line = in.readLine()) != null; ) {
        out.write(line);
        out.newLine();
        out.flush();
        synchronized (lines) {
          if (lines.size() == KEPT_LINES) {
            lines.subList(0, KEPT_LINES / 2).clear();
          }
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the pipe broke with the process; what was read is in the log
    } finally {
      try {
        process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (lines) {
        ended = true;
        lines.notifyAll();
      }
    }
  }

  /** {@code role-<this JVM's pid>-<n>}: a log name no other daemon of this or another run on the machine takes. */
  public static String uniqueName(String role) {
    return role + "-" + ProcessHandle.current().pid() + "-" + STARTED.incrementAndGet();
  }

  /** A free TCP port on 127.0.0.1 for a daemon to listen on (free when asked: take it soon). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback address", e);
    }
  }

  /**
   * The child side: {@code DaemonJvm MAIN_CLASS ARGS…} exits when its standard input ends, and
   * meanwhile runs {@code MAIN_CLASS.main(ARGS)} (which may return once its servers run on their own
   * threads). A main that throws ends the child with exit 1.
   */
  public static void main(String[] args) throws Exception {
    Thread watcher = new Thread(() -> {
      try (InputStream in = System.in) {
        while (in.read() >= 0) {
          // nothing is sent; the parent only ever closes the pipe
        }
      } catch (IOException e) {
        // a broken pipe means the parent is gone: stop too
      }
      System.exit(0);
    }, "parent-watcher");
    watcher.setDaemon(true);
    watcher.start();
    try {
      Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      e.getCause().printStackTrace(System.out);
      System.out.flush();
      System.exit(1);
    }
  }
}
