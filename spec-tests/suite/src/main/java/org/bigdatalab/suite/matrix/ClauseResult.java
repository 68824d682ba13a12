package org.bigdatalab.suite.matrix;

/**
 * One cell of the matrix: a clause on an engine.
 *
 * @param detail why (the failure message, the reason for unsupported, or how many checks passed)
 * @param cases  generated cases run by the clause's properties (pinned examples count one each):
 *               how hard the engine was tested
 * @param seed   the seed the run drew its cases from; {@code -Dbigdatalab.seed=SEED} replays them
 */
public record ClauseResult(String engine, String clause, ClauseStatus status, String detail, int cases, long seed) {}
