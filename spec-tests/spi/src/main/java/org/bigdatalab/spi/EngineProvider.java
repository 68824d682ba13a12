package org.bigdatalab.spi;

/**
 * How an engine is found: each engine module lists its providers in
 * {@code META-INF/services/org.bigdatalab.spi.EngineProvider}, and {@link EngineRegistry} loads
 * them with {@link java.util.ServiceLoader}. {@link #info()} is cheap: it starts nothing.
 */
public interface EngineProvider {

  EngineInfo info();

  /** Creates a configured engine; real engines take a cluster address from the options. */
  Engine create(EngineOptions options);
}
