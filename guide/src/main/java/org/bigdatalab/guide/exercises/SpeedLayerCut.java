package org.bigdatalab.guide.exercises;

import org.bigdatalab.streaming.spec.Click;

/**
 * Exercise {@code speed-cut} (chapter 11): where a Lambda speed layer starts. Check it with
 * {@code ./lab exercise speed-cut}; the answer is in {@code exercises.solutions}.
 */
public class SpeedLayerCut implements LambdaCut {

  @Override
  public boolean inRealtimeView(long offset, Click click, long batchEndOffset, long batchLatestTime) {
    // TODO: the batch view holds the clicks at offsets [0, batchEndOffset) of the log, and
    // batchLatestTime is the latest event time among them. The realtime view must hold every other
    // click once. Drawing the line by event time loses clicks that arrive late.
    return click.time() > batchLatestTime;
  }
}
