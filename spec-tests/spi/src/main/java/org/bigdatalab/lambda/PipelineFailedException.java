package org.bigdatalab.lambda;

/** A layer of a pipeline failed: which one, over which topic, and the engine's own error as the cause. */
public final class PipelineFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PipelineFailedException(String layer, String topic, Throwable cause) {
    super(layer + " over " + topic + " failed: " + cause.getMessage(), cause);
  }
}
