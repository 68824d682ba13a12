package org.bigdatalab.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The one registry of engines: whatever providers are on the class path. Suites, benchmarks, the
 * CLI and the guide all find engines here, so adding an engine module adds it everywhere.
 */
public final class EngineRegistry {
  private final Map<String, EngineProvider> byId;

  private EngineRegistry(List<EngineProvider> providers) {
    Map<String, EngineProvider> map = new LinkedHashMap<>();
    providers.stream()
        .sorted(Comparator.comparing((EngineProvider p) -> p.info().topic()).thenComparing(p -> p.info().id()))
        .forEach(p -> {
          EngineProvider clash = map.put(p.info().id(), p);
          if (clash != null) {
            throw new IllegalStateException("two engines claim the id '" + p.info().id() + "': "
                + clash.getClass().getName() + " and " + p.getClass().getName());
          }
        });
    this.byId = map;
  }

  /** The engines on the class path of the given loader. */
  public static EngineRegistry load(ClassLoader loader) {
    List<EngineProvider> providers = new ArrayList<>();
    ServiceLoader.load(EngineProvider.class, loader).forEach(providers::add);
    return new EngineRegistry(providers);
  }

  public static EngineRegistry load() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  public static EngineRegistry of(List<EngineProvider> providers) {
    return new EngineRegistry(providers);
  }

  public List<EngineInfo> engines() {
    return byId.values().stream().map(EngineProvider::info).toList();
  }

  public List<EngineInfo> engines(Topic topic) {
    return engines().stream().filter(i -> i.topic() == topic).toList();
  }

  public Optional<EngineProvider> find(String id) { return Optional.ofNullable(byId.get(id)); }

  public EngineProvider provider(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException(
        "no engine '" + id + "' on the class path; known: " + byId.keySet()));
  }

  /** Creates an engine of the expected SPI type, or says clearly why it cannot. */
  public <E extends Engine> E create(String id, Class<E> type, EngineOptions options) {
    Engine engine = provider(id).create(options);
    if (!type.isInstance(engine)) {
      throw new IllegalArgumentException("engine '" + id + "' is a " + engine.info().topic().title()
          + " engine, not a " + type.getSimpleName());
    }
    return type.cast(engine);
  }
}
