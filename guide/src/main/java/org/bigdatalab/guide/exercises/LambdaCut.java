package org.bigdatalab.guide.exercises;

import org.bigdatalab.streaming.spec.Click;

/**
 * The serving layer's boundary in a Lambda pipeline: which clicks of the log the speed layer counts,
 * given what the last batch run read. The query adds the batch view and the realtime view.
 */
public interface LambdaCut {
  /**
   * Whether the click at {@code offset} of the log belongs in the realtime view.
   *
   * @param batchEndOffset  the batch run read offsets {@code [0, batchEndOffset)}
   * @param batchLatestTime the latest event time among them ({@code Long.MIN_VALUE} when it read none)
   */
  boolean inRealtimeView(long offset, Click click, long batchEndOffset, long batchLatestTime);
}
