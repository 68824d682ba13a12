package org.bigdatalab.workloads;

/** What a reader does with a malformed line: the user chooses, the reader never guesses. */
public enum BadLinePolicy {
  /** Throw an {@link org.bigdatalab.spi.InputFormatException} at the first malformed line. */
  FAIL,
  /** Set the line aside as a {@link BadLine}, count it, and go on with the next one. */
  SKIP
}
