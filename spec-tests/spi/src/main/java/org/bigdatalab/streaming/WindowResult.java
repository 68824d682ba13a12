package org.bigdatalab.streaming;

import java.util.Objects;

/**
 * One emitted result: the aggregate of a key's window, how it was fired, and the watermark that
 * fired it (the check that windows fire on the watermark reads it).
 *
 * <p>A value class with a record's accessors, equality and text ({@code WindowResult[key=..., ...]}).
 * It is not a record so that a result whose key is a whole number ({@link #withLongKey}: a count keyed
 * by a declared long field) can keep the number and write its decimal text only when {@link #key()} is
 * first read: a reader that only compares or hashes results (B06's, or a sink of numbers) never pays
 * for 60,000 key strings a run, as the hand-written count it is measured against never makes them.
 * Such a result equals, hashes and prints exactly as one made with the key's text.
 */
public final class WindowResult<R> {

  /** On time (watermark reached the end), late (an update within the allowed lateness), or final. */
  public enum Firing { ON_TIME, LATE, FINAL }

  /** The key and window, which identify a result. */
  public record Id(String key, Window window) implements Comparable<Id> {
    @Override
    public int compareTo(Id o) {
      int c = key.compareTo(o.key);
      return c != 0 ? c : window.compareTo(o.window);
    }

    @Override public String toString() { return key + "@" + window; }
  }

  /** The key's text; for a whole-number key, null until first read (a benign race: each writer writes an equal string). */
  private String key;
  private final long longKey;
  private final boolean isLong;
  /** For a whole-number key, its text's hash, taken where the result is made (a shard's thread), not by each reader. */
  private final int longKeyHash;
  private final Window window;
  private final R value;
  private final Firing firing;
  private final long watermark;

  public WindowResult(String key, Window window, R value, Firing firing, long watermark) {
    this(key, 0, false, window, value, firing, watermark);
  }

  private WindowResult(String key, long longKey, boolean isLong, Window window, R value, Firing firing, long watermark) {
    this.key = key;
    this.longKey = longKey;
    this.isLong = isLong;
    this.longKeyHash = isLong ? decimalHash(longKey) : 0;
    this.window = window;
    this.value = value;
    this.firing = firing;
    this.watermark = watermark;
  }

  /** A result keyed by a whole number: {@link #key()} is {@code Long.toString(key)}, written when first read. */
  public static <R> WindowResult<R> withLongKey(long key, Window window, R value, Firing firing, long watermark) {
    return new WindowResult<>(null, key, true, window, value, firing, watermark);
  }

  public String key() {
    String k = key;
    if (k == null && isLong) {
      k = Long.toString(longKey);
      key = k;
    }
    return k;
  }

  public Window window() { return window; }

  public R value() { return value; }

  public Firing firing() { return firing; }

  public long watermark() { return watermark; }

  public Id id() { return new Id(key(), window); }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof WindowResult<?> r)) {
      return false;
    }
    boolean sameKey = isLong && r.isLong ? longKey == r.longKey : Objects.equals(key(), r.key());
    return sameKey && watermark == r.watermark && firing == r.firing && Objects.equals(window, r.window)
        && Objects.equals(value, r.value);
  }

  /** As a record of these five components hashes (31 * h + each component's hash), the key's text hashed without writing it. */
  @Override
  public int hashCode() {
    int h = isLong ? longKeyHash : Objects.hashCode(key);
    h = 31 * h + Objects.hashCode(window);
    h = 31 * h + Objects.hashCode(value);
    h = 31 * h + Objects.hashCode(firing);
    return 31 * h + Long.hashCode(watermark);
  }

  @Override
  public String toString() {
    return "WindowResult[key=" + key() + ", window=" + window + ", value=" + value + ", firing=" + firing
        + ", watermark=" + watermark + "]";
  }

  /**
   * {@code Long.toString(n).hashCode()} from the digits, two at a time (a string's hash sums each char times 31 to
   * the power of the chars after it): the shards take one per result, and one digit a step was 9% of their samples.
   */
  static int decimalHash(long n) {
    if (n == Long.MIN_VALUE) {
      return Long.toString(n).hashCode(); // its magnitude has no long
    }
    long m = Math.abs(n);
    int h = 0;
    int power = 1;
    for (; m >= 100; m /= 100) {
      h += PAIR_HASH[(int) (m % 100)] * power;
      power *= 31 * 31;
    }
    if (m >= 10) {
      h += PAIR_HASH[(int) m] * power;
      power *= 31 * 31;
    } else {
      h += (int) ('0' + m) * power;
      power *= 31;
    }
    return n < 0 ? h + '-' * power : h;
  }

  /** The hash of the two chars of 00 to 99. */
  private static final int[] PAIR_HASH = new int[100];

  static {
    for (int i = 0; i < 100; i++) {
      PAIR_HASH[i] = ('0' + i / 10) * 31 + '0' + i % 10;
    }
  }
}
