package org.bigdatalab.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Free-form engine settings, as given on the command line ({@code --engine-opt k=v}). Engines
 * document the keys they read; real engines pass unknown keys through to the engine's own
 * configuration (so {@code fs.defaultFS=hdfs://…} reaches Hadoop).
 */
public record EngineOptions(Map<String, String> values) {

  public static final EngineOptions NONE = new EngineOptions(Map.of());

  public EngineOptions {
    values = Map.copyOf(values);
  }

  /** Parses {@code key=value} strings, as given with {@code --engine-opt}. */
  public static EngineOptions parse(List<String> pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("engine option '" + pair + "' is not key=value");
      }
      map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return new EngineOptions(map);
  }

  public Optional<String> get(String key) { return Optional.ofNullable(values.get(key)); }

  public int getInt(String key, int fallback) {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("engine option " + key + "=" + value + " is not an integer", e);
    }
  }

  public long getBytes(String key, long fallback) {
    String value = values.get(key);
    return value == null ? fallback : ByteSize.parse(value);
  }
}
