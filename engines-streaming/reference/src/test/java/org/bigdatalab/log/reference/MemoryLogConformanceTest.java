package org.bigdatalab.log.reference;

import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.spec.LogSpec;

/** Runs the event log spec against {@code log-memory}. */
class MemoryLogConformanceTest extends LogSpec {
  @Override
  protected EventLog createEngine() {
    return new MemoryLog();
  }
}
