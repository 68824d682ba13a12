package org.bigdatalab.log.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bigdatalab.log.Durability;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/**
 * Registers {@code log-local}. Options: {@code dir} (kept after close; by default a temporary
 * directory, deleted on close), {@code fsync} ({@code every-append}, the default, or
 * {@code on-close}), {@code segment.bytes} (default 1MB).
 */
public final class LocalLogProvider implements EngineProvider {
  @Override public EngineInfo info() { return LocalLog.INFO; }

  @Override
  public Engine create(EngineOptions options) {
    Durability durability = switch (options.get("fsync").orElse("every-append")) {
      case "every-append" -> Durability.FSYNC_EVERY_APPEND;
      case "on-close" -> Durability.FSYNC_ON_CLOSE;
      default -> throw new IllegalArgumentException("engine option fsync=" + options.get("fsync").orElseThrow()
          + " is not every-append or on-close");
    };
    long segmentBytes = options.getBytes("segment.bytes", 1 << 20);
    try {
      return options.get("dir").isPresent()
          ? new LocalLog(Path.of(options.get("dir").orElseThrow()), false, segmentBytes, durability)
          : new LocalLog(Files.createTempDirectory("log-local"), true, segmentBytes, durability);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a directory for log-local: " + e.getMessage(), e);
    }
  }
}
