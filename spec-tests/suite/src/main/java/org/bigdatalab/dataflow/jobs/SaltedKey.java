package org.bigdatalab.dataflow.jobs;

import java.io.Serializable;
import java.util.Objects;

/**
 * A key with a salt: the unit of the first (partial) phase of a salted aggregation.
 *
 * <p>Its hash is pinned to {@code 31 × hash(key) + salt} (what a record would compute today, but
 * records do not promise it): salts 0..s-1 of one key then hash to s consecutive values, so with
 * {@link org.bigdatalab.dataflow.HashPartitioning} over n ≥ s partitions they land in s different
 * partitions. That is what turns "s salts" into "a hot key spread over s tasks".
 */
public record SaltedKey<K>(K key, int salt) implements Serializable {

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(key) + salt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SaltedKey<?> other && salt == other.salt && Objects.equals(key, other.key);
  }

  @Override
  public String toString() {
    return key + "#" + salt;
  }
}
