package org.bigdatalab.suite.matrix;

/**
 * One cell of the matrix: a clause on an engine.
 *
 * @param detail why (the failure message, the reason for unsupported, or how many checks passed)
 */
public record ClauseResult(String engine, String clause, ClauseStatus status, String detail) {}
