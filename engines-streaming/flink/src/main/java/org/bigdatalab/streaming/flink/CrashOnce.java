package org.bigdatalab.streaming.flink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.IntMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.java.tuple.Tuple3;

/**
 * The fault injection of {@link org.bigdatalab.streaming.RunOptions}: fails the task when the
 * scripted step {@code crashBeforeStep} reaches it, on the first attempt only, so Flink's restart
 * strategy restores the last completed checkpoint and the step comes again. The attempt that ends
 * the job reports its number, the job's restarts, in an accumulator (so it works on a remote
 * cluster too).
 */
final class CrashOnce extends RichMapFunction<Tuple3<Integer, Integer, String>, Tuple3<Integer, Integer, String>> {
  private static final long serialVersionUID = 1L;
  private static final String RESTARTS = "bigdatalab-restarts";

  private final int crashBeforeStep;
  private transient boolean firstAttempt;

  CrashOnce(int crashBeforeStep) { this.crashBeforeStep = crashBeforeStep; }

  /** How many times the job restarted, from the accumulator of its last attempt; 0 if nothing crashed. */
  static int restarts(JobExecutionResult result) {
    Integer attempts = result.getAccumulatorResult(RESTARTS);
    return attempts == null ? 0 : attempts;
  }

  @Override
  public void open(OpenContext context) {
    int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
    firstAttempt = attempt == 0;
    IntMaximum attempts = new IntMaximum();
    getRuntimeContext().addAccumulator(RESTARTS, attempts);
    attempts.add(attempt);
  }

  @Override
  public Tuple3<Integer, Integer, String> map(Tuple3<Integer, Integer, String> step) {
    if (firstAttempt && step.f0 == crashBeforeStep) {
      throw new IllegalStateException("injected crash before step " + crashBeforeStep);
    }
    return step;
  }
}
