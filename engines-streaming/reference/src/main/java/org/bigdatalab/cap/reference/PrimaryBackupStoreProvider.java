package org.bigdatalab.cap.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code cap-primary-backup}. Option: {@code unclean=true} elects out-of-sync replicas (and loses acknowledged writes). */
public final class PrimaryBackupStoreProvider implements EngineProvider {
  @Override public EngineInfo info() { return PrimaryBackupStore.INFO; }

  @Override
  public Engine create(EngineOptions options) {
    return new PrimaryBackupStore(Boolean.parseBoolean(options.get("unclean").orElse("false")));
  }
}
