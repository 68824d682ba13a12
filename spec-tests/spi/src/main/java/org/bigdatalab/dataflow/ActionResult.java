package org.bigdatalab.dataflow;

/** An action's value and what computing it took. */
public record ActionResult<R>(R value, ActionMetrics metrics) {}
