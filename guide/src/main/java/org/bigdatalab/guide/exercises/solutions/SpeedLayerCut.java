package org.bigdatalab.guide.exercises.solutions;

import org.bigdatalab.guide.exercises.LambdaCut;
import org.bigdatalab.streaming.spec.Click;

/**
 * Answer to {@code speed-cut}: the line is a position in the log, not a time. A click that happened
 * before the batch's latest one but arrived after the batch ran is in no batch view yet.
 */
public class SpeedLayerCut implements LambdaCut {

  @Override
  public boolean inRealtimeView(long offset, Click click, long batchEndOffset, long batchLatestTime) {
    return offset >= batchEndOffset;
  }
}
