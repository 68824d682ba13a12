package org.bigdatalab.suite;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;

/** The engines of the suite classes now running, one per concrete class. */
final class SuiteEngines {
  private record Lease(Engine engine, boolean owned) {}

  private static final Map<Class<?>, Lease> LEASES = new ConcurrentHashMap<>();
  /** Other engines a suite class needs besides the one under test, by class and name. */
  private static final Map<Class<?>, Map<String, Engine>> COMPANIONS = new ConcurrentHashMap<>();

  private SuiteEngines() {}

  static Engine engineFor(ConformanceSuite<?> suite) {
    return LEASES.computeIfAbsent(suite.getClass(), c -> {
      try {
        return new Lease(suite.createEngine(), suite.ownsEngine());
      } catch (Exception e) {
        throw new IllegalStateException("could not create the engine for " + c.getName() + ": " + e, e);
      }
    }).engine();
  }

  static EngineInfo infoFor(ConformanceSuite<?> anInstance) {
    return engineFor(anInstance).info();
  }

  static Engine companionFor(ConformanceSuite<?> suite, String name, ConformanceSuite.EngineFactory factory) {
    return COMPANIONS.computeIfAbsent(suite.getClass(), c -> new ConcurrentHashMap<>()).computeIfAbsent(name, n -> {
      try {
        return factory.create();
      } catch (Exception e) {
        throw new IllegalStateException("could not create " + n + " for " + suite.getClass().getName() + ": " + e, e);
      }
    });
  }

  static void release(Class<?> suiteClass) throws Exception {
    Lease lease = LEASES.remove(suiteClass);
    Map<String, Engine> companions = COMPANIONS.remove(suiteClass);
    try {
      if (lease != null && lease.owned()) {
        lease.engine().close();
      }
    } finally {
      if (companions != null) {
        for (Engine companion : companions.values()) {
          companion.close();
        }
      }
    }
  }
}
