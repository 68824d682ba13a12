package org.bigdatalab.spi;

import java.io.IOException;

/**
 * Base of every engine of every topic. A topic's SPI extends it with the operations of that topic
 * (for example {@code MapReduceEngine}). Engines may hold resources (a mini cluster, a thread
 * pool), so they are closed after use.
 */
public interface Engine extends AutoCloseable {

  EngineInfo info();

  /** Narrower than AutoCloseable's {@code throws Exception}, so try-with-resources stays warning-free. */
  @Override
  default void close() throws IOException {}
}
