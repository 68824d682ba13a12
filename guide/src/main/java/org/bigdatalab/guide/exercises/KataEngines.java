package org.bigdatalab.guide.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bigdatalab.guide.GuideEngines;
import org.bigdatalab.spi.Engine;

/** The reference engines one kata run needs, each created once and closed when the run ends. */
public final class KataEngines implements AutoCloseable {
  private final Map<String, Engine> open = new LinkedHashMap<>();

  KataEngines() {}

  public <E extends Engine> E get(String id, Class<E> type) {
    return type.cast(open.computeIfAbsent(id, i -> GuideEngines.create(i, type)));
  }

  @Override
  public void close() {
    for (Engine e : open.values()) {
      try {
        e.close();
      } catch (Exception ignored) {
        // A reference engine that fails to close leaks a temp directory at worst; the verdict stands.
      }
    }
  }
}
