package org.bigdatalab.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The one registry of engines: whatever providers are on the class path. Suites, benchmarks, the
 * CLI and the guide all find engines here, so adding an engine module adds it everywhere.
 */
public final class EngineRegistry {
  private final Map<String, EngineProvider> byId;
  /** Providers listed on the class path that could not be loaded, each with why: reported, not fatal to the others. */
  private final List<String> unloadable;

  private EngineRegistry(List<EngineProvider> candidates, List<String> unloadable) {
    this.unloadable = new ArrayList<>(unloadable);
    List<EngineProvider> providers = new ArrayList<>();
    for (EngineProvider p : candidates) {
      try {
        p.info();
        providers.add(p);
      } catch (LinkageError e) {
        // A service file can name a provider whose engine's classes are not on this class path (a module's jar
        // that is a dependency for build order only): that one engine is missing here, the others are not.
        this.unloadable.add(p.getClass().getName() + ": " + e);
      }
    }
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
    List<String> unloadable = new ArrayList<>();
    for (ServiceLoader.Provider<EngineProvider> listed : listed(loader, unloadable)) {
      try {
        providers.add(listed.get());
      } catch (ServiceConfigurationError | LinkageError e) {
        unloadable.add(listed.type().getName() + ": " + e);
      }
    }
    return new EngineRegistry(providers, unloadable);
  }

  /** The providers the service files list, skipping (and noting) each one whose class cannot be loaded. */
  private static List<ServiceLoader.Provider<EngineProvider>> listed(ClassLoader loader, List<String> unloadable) {
    List<ServiceLoader.Provider<EngineProvider>> listed = new ArrayList<>();
    Iterator<ServiceLoader.Provider<EngineProvider>> it = ServiceLoader.load(EngineProvider.class, loader).stream().iterator();
    // ServiceLoader goes on to the next provider after an error where it can; a bound keeps a loader that cannot from looping.
    for (int errors = 0; errors < 100; ) {
      try {
        if (!it.hasNext()) {
          break;
        }
        listed.add(it.next());
      } catch (ServiceConfigurationError | LinkageError e) {
        unloadable.add(e.toString());
        errors++;
      }
    }
    return listed;
  }

  public static EngineRegistry load() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  public static EngineRegistry of(List<EngineProvider> providers) {
    return new EngineRegistry(providers, List.of());
  }

  /** Providers named on the class path that could not be loaded, each with its error; empty when all loaded. */
  public List<String> unloadable() { return List.copyOf(unloadable); }

  public List<EngineInfo> engines() {
    return byId.values().stream().map(EngineProvider::info).toList();
  }

  public List<EngineInfo> engines(Topic topic) {
    return engines().stream().filter(i -> i.topic() == topic).toList();
  }

  public Optional<EngineProvider> find(String id) { return Optional.ofNullable(byId.get(id)); }

  public EngineProvider provider(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException(
        "no engine '" + id + "' on the class path; known: " + byId.keySet()
            + (unloadable.isEmpty() ? "" : "; listed but not loadable here: " + unloadable)));
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
