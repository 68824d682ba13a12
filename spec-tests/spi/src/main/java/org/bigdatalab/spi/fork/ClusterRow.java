package org.bigdatalab.spi.fork;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.bigdatalab.spi.EngineOptions;

/**
 * How an engine that runs on processes it starts itself (a cluster row such as {@code spark@standalone},
 * or an embedded broker) comes up: start the processes, then build the engine on them, and stop the
 * processes again when the engine cannot be built, so a failed start leaves no process behind.
 */
public final class ClusterRow {
  private ClusterRow() {}

  /** Starts the processes; may fail with anything a process start can. */
  @FunctionalInterface
  public interface Start<C extends AutoCloseable> {
    C start() throws Exception;
  }

  /**
   * Starts {@code processes}, then returns {@code engine} built on them.
   *
   * @param row the engine id, first word of the error ({@code flink@session})
   * @param what what did not start, for the error ({@code the cluster}, {@code the broker's JVM})
   */
  public static <C extends AutoCloseable, E> E start(String row, String what, Start<C> processes, Function<C, E> engine) {
    C started;
    try {
      started = processes.start();
    } catch (Exception e) {
      throw new IllegalStateException(row + ": " + what + " did not start: " + e.getMessage(), e);
    }
    try {
      return engine.apply(started);
    } catch (RuntimeException e) {
      try {
        started.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * The options of an engine built on started processes, in the one order every cluster row uses: the
   * row's {@code defaults}, the user's options over them, and the processes' own ({@code started}: an
   * address, a port, the jars they were given) over those, so an address meant for the embedded engine
   * in a run of several gives way to the cluster's.
   */
  public static EngineOptions options(Map<String, String> defaults, EngineOptions user, Map<String, String> started) {
    Map<String, String> values = new HashMap<>(defaults);
    values.putAll(user.values());
    values.putAll(started);
    return new EngineOptions(values);
  }
}
