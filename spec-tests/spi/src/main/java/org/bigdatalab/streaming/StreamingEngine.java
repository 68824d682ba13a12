package org.bigdatalab.streaming;

import org.bigdatalab.spi.Engine;

/**
 * An event-time streaming engine: runs a {@link StreamingJob} over a {@link ScriptedSource} to its
 * end and returns everything the job emitted. See {@link StreamingClauses} for everything an engine
 * promises, and {@link StreamingJob} for the event-time rules.
 */
public interface StreamingEngine extends Engine {

  /**
   * Runs the job, taking checkpoints and crashing as {@code options} say.
   *
   * @throws StreamingFailedException when a user function throws (other than the parser's
   *     {@link org.bigdatalab.spi.BadRecordException}, which makes a dead letter)
   * @throws UnsupportedOperationException for what the engine declares unsupported (a crash on an
   *     engine without restore, an output mode it cannot keep), with the declared reason
   */
  <T, A, R> StreamingResult<R> run(StreamingJob<T, A, R> job, ScriptedSource source, RunOptions options)
      throws StreamingFailedException;

  default <T, A, R> StreamingResult<R> run(StreamingJob<T, A, R> job, ScriptedSource source)
      throws StreamingFailedException {
    return run(job, source, RunOptions.NONE);
  }

  /**
   * Runs a stateless map/filter job over the source's lines and typed events
   * ({@link ScriptedSource.Events}, exactly their lines), natively (each engine's own map and
   * filter operators); watermark and idle steps are skipped.
   *
   * @throws StreamingFailedException when the filter or map throws
   */
  <T, R> StatelessResult<R> runStateless(StatelessJob<T, R> job, ScriptedSource source) throws StreamingFailedException;

  /** Where events beyond the allowed lateness go; engines without a side output count them instead. */
  default LateData lateData() {
    return LateData.SIDE_OUTPUT;
  }
}
