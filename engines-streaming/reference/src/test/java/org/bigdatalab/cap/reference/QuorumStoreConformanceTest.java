package org.bigdatalab.cap.reference;

import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.spec.CapSpec;

/** Runs the whole CAP spec against {@code cap-quorum}. */
class QuorumStoreConformanceTest extends CapSpec {
  @Override
  protected CapEngine createEngine() {
    return new QuorumStore();
  }
}
