package org.bigdatalab.streaming;

/**
 * How a run is checkpointed and whether it is made to crash: the fault-injection hook of the SPI.
 * A crash happens once, just before the source's step {@code crashBeforeStep}; the engine then
 * restores its last completed checkpoint (or starts over if there is none), rewinds the source to
 * the step that checkpoint covers, and carries on.
 *
 * @param checkpointEvery take a checkpoint after every this many source steps; 0 for none
 * @param crashBeforeStep the source step before which the job crashes once; -1 for no crash
 */
public record RunOptions(int checkpointEvery, int crashBeforeStep) {

  public static final RunOptions NONE = new RunOptions(0, -1);

  public RunOptions {
    if (checkpointEvery < 0) {
      throw new IllegalArgumentException("checkpointEvery " + checkpointEvery + " must not be negative");
    }
  }

  public static RunOptions crashing(int checkpointEvery, int crashBeforeStep) {
    return new RunOptions(checkpointEvery, crashBeforeStep);
  }

  public boolean crashes() { return crashBeforeStep >= 0; }
}
