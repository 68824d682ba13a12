package org.bigdatalab.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One provider whose engine's classes are missing costs that engine only, and says so. */
class EngineRegistryTest {

  @Test
  void aProviderWhoseClassesAreMissingIsReportedAndTheOthersStillLoad() {
    EngineRegistry registry = EngineRegistry.of(List.of(new Present(), new MissingClasses()));

    assertThat(registry.engines()).extracting(EngineInfo::id).containsExactly("present");
    assertThat(registry.unloadable()).singleElement().asString()
        .contains(MissingClasses.class.getName()).contains("NoClassDefFoundError");
    assertThatThrownBy(() -> registry.provider("missing@cluster"))
        .hasMessageContaining("known: [present]").hasMessageContaining("not loadable here").hasMessageContaining("MissingClasses");
  }

  @Test
  void aRegistryOfLoadableProvidersReportsNothing() {
    assertThat(EngineRegistry.of(List.of(new Present())).unloadable()).isEmpty();
  }

  static final class Present implements EngineProvider {
    @Override public EngineInfo info() { return EngineInfo.builder("present", Topic.DATAFLOW).build(); }
    @Override public Engine create(EngineOptions options) { throw new UnsupportedOperationException("listed, never made"); }
  }

  /** As a cluster row's provider is where its adapter's jar is not on the class path. */
  static final class MissingClasses implements EngineProvider {
    @Override public EngineInfo info() { throw new NoClassDefFoundError("org/example/MissingAdapter"); }
    @Override public Engine create(EngineOptions options) { throw new UnsupportedOperationException("never made"); }
  }
}
