package org.bigdatalab.workloads;

import java.util.Objects;

/** One (key, value) pair, as written by {@link SkewedPairsGenerator}: {@code key<TAB>value}. */
public record KeyValue(String key, long value) {
  public KeyValue {
    Objects.requireNonNull(key, "key");
  }

  /** The tab-separated line for this pair, without a newline. */
  public String toLine() {
    return key + '\t' + value;
  }
}
