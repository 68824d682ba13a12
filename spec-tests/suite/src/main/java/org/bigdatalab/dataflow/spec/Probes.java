package org.bigdatalab.dataflow.spec;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Side-effect counters that functions handed to an engine can bump, to observe when and how often
 * they run. Functions capture the probe's name, not the counter: an engine that serializes
 * functions (Spark) would otherwise count on a copy. This works for engines in this JVM (local
 * mode); on a remote cluster the counts stay at zero, which the lazy and cache clauses then report.
 */
public final class Probes {
  private static final Map<String, AtomicLong> COUNTERS = new ConcurrentHashMap<>();

  private Probes() {}

  /** A new probe's name, counting from zero. */
  public static String create() {
    String name = UUID.randomUUID().toString();
    COUNTERS.put(name, new AtomicLong());
    return name;
  }

  public static void hit(String probe) {
    COUNTERS.get(probe).incrementAndGet();
  }

  public static long count(String probe) {
    return COUNTERS.get(probe).get();
  }

  public static void remove(String probe) {
    COUNTERS.remove(probe);
  }
}
