package org.bigdatalab.suite;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;

/** The engines of the suite classes now running, one per concrete class. */
final class SuiteEngines {
  private record Lease(Engine engine, boolean owned) {}

  private static final Map<Class<?>, Lease> LEASES = new ConcurrentHashMap<>();

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

  static void release(Class<?> suiteClass) throws Exception {
    Lease lease = LEASES.remove(suiteClass);
    if (lease != null && lease.owned()) {
      lease.engine().close();
    }
  }
}
