package org.bigdatalab.log;

/** A read from an offset the log no longer holds (retention deleted it) or does not hold yet. */
public final class OffsetOutOfRangeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OffsetOutOfRangeException(String topic, int partition, long offset, long start, long end) {
    super(topic + "/" + partition + "@" + offset + ": offset out of range; the partition holds [" + start + ", " + end + ")");
  }
}
