package org.bigdatalab.dfs.hadoop;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Gives each property that does not fix its own tries {@code -Ddfs.hdfs.tries} tries (the pom
 * passes 3, and 30 under {@code -Pexhaustive}): fewer than the module's mr-hadoop default, because
 * dfs-hdfs's fault cases restart DataNodes or the NameNode, seconds each. An annotation could not
 * follow the profile; this hook reads the number the build passes.
 */
public final class HdfsTries implements AroundPropertyHook {
  static final String PROPERTY = "dfs.hdfs.tries";
  private static final int DEFAULT = 3;

  /** To every property of the class it is added to, inherited ones included. */
  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    if (context.attributes().tries().isEmpty()) {
      context.attributes().setTries(Integer.getInteger(PROPERTY, DEFAULT));
    }
    return property.execute();
  }
}
