package org.bigdatalab.log.reference;

import java.nio.file.Files;
import org.bigdatalab.log.Durability;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.spec.LogSpec;

/**
 * Runs the event log spec against {@code log-local} with segments of 200 bytes, so a partition of
 * a few records spans several files: rolling, reading across files and retention that deletes
 * whole files all run. Appends are not forced one by one (fsync on close): a process crash loses neither
 * way, and the forced path is checked by {@code LogSelfTest} with the default policy.
 */
class LocalLogConformanceTest extends LogSpec {
  @Override
  protected EventLog createEngine() throws Exception {
    return new LocalLog(Files.createTempDirectory("log-local-spec"), true, 200, Durability.FSYNC_ON_CLOSE);
  }
}
