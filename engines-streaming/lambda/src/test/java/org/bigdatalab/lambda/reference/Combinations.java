package org.bigdatalab.lambda.reference;

import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.spi.EngineOptions;

/** The registered combinations, made as the registry makes them, for the bindings. */
final class Combinations {
  private Combinations() {}

  static PipelineEngine reference() {
    return (PipelineEngine) new CombinationProvider.Reference().create(EngineOptions.NONE);
  }

  static PipelineEngine fast() {
    return (PipelineEngine) new CombinationProvider.Fast().create(EngineOptions.NONE);
  }
}
