package org.bigdatalab.streaming.spark;

import java.io.Serializable;

/**
 * What one line of a stateless job became inside Spark: the map's output for an event the filter
 * kept ({@code reason} null), or the parser's reason for a line it refused ({@code output} null).
 * Java-serialized by Spark, since the output's type is the user's; public, as Spark's encoders require.
 */
public record Outcome(int step, String line, String reason, Object output) implements Serializable {}
