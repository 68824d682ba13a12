package org.bigdatalab.streaming.spark;

import java.io.Serializable;

/**
 * An accumulator or a result of the user's aggregate, whatever its type, as Spark carries it:
 * Java-serialized (the value must be {@link Serializable}). Public, as Spark's encoders require.
 */
public record Boxed(Object value) implements Serializable {}
