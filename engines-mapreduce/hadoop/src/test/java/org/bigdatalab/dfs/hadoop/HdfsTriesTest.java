package org.bigdatalab.dfs.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/** The hook gives a property the tries the build passes (not the module's jqwik default), and leaves a fixed number alone. */
@AddLifecycleHook(HdfsTries.class)
class HdfsTriesTest {
  private static final AtomicInteger configured = new AtomicInteger();
  private static final AtomicInteger fixed = new AtomicInteger();

  @Property
  void takesTheConfiguredTries(@ForAll int any) {
    configured.incrementAndGet();
  }

  @Property(tries = 2)
  void keepsItsOwnTries(@ForAll int any) {
    fixed.incrementAndGet();
  }

  @AfterContainer
  static void countTries() {
    assertThat(configured.get()).isEqualTo(Integer.getInteger(HdfsTries.PROPERTY, 3));
    assertThat(fixed.get()).isEqualTo(2);
  }
}
