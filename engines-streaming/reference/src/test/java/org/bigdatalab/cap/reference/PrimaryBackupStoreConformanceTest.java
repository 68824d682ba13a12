package org.bigdatalab.cap.reference;

import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.spec.CapSpec;

/** Runs the whole CAP spec against {@code cap-primary-backup} (clean elections). */
class PrimaryBackupStoreConformanceTest extends CapSpec {
  @Override
  protected CapEngine createEngine() {
    return new PrimaryBackupStore(false);
  }
}
