package org.bigdatalab.cap.reference;

import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.spec.CapSpec;

/** Runs the whole CAP spec against {@code cap-lww}. */
class LwwStoreConformanceTest extends CapSpec {
  @Override
  protected CapEngine createEngine() {
    return new LwwStore();
  }
}
