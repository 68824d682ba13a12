package org.bigdatalab.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code String.compareTo}'s order on strings held as UTF-8 bytes, without decoding them. Unsigned
 * byte order is code point order, which is {@code compareTo}'s (UTF-16) order except between a
 * character of U+E000..U+FFFF and one beyond U+FFFF: UTF-16 puts the supplementary character first
 * (its surrogates are below U+E000), UTF-8 last. Those characters start with byte 0xEE or more, so
 * where the first differing bytes include one of 0xEE or more the two strings are decoded and
 * compared as strings; elsewhere the bytes decide. Engines use it to sort string keys in their
 * natural order as they lie in a buffer or arrive from a shuffle.
 */
public final class Utf8Order {
  /** The smallest first differing byte where byte order and string order may part. */
  public static final int FIRST_DIVERGENT_BYTE = 0xEE;

  private Utf8Order() {}

  /** The sign of {@code a.compareTo(b)} for the strings whose UTF-8 bytes are {@code a[aFrom, aFrom + aLength)} and {@code b[...]}. */
  public static int compare(byte[] a, int aFrom, int aLength, byte[] b, int bFrom, int bLength) {
    int i = Math.min(aLength, bLength) <= SHORT ? mismatchShort(a, aFrom, aLength, b, bFrom, bLength)
        : Arrays.mismatch(a, aFrom, aFrom + aLength, b, bFrom, bFrom + bLength);
    if (i < 0) {
      return 0;
    }
    if (i == aLength || i == bLength) {
      return Integer.compare(aLength, bLength);
    }
    int x = a[aFrom + i] & 0xFF;
    int y = b[bFrom + i] & 0xFF;
    if (x < FIRST_DIVERGENT_BYTE && y < FIRST_DIVERGENT_BYTE) {
      return x - y;
    }
    return Integer.signum(new String(a, aFrom, aLength, StandardCharsets.UTF_8)
        .compareTo(new String(b, bFrom, bLength, StandardCharsets.UTF_8)));
  }

  /**
   * Keys up to this long are compared in a plain loop: most keys of a word count or a sort are
   * short, and the vectorized {@code Arrays.mismatch} costs more than it saves on them (it was 7%
   * of a word count's merge).
   */
  private static final int SHORT = 16;

  /** {@code Arrays.mismatch}'s answer, found byte by byte. */
  private static int mismatchShort(byte[] a, int aFrom, int aLength, byte[] b, int bFrom, int bLength) {
    int n = Math.min(aLength, bLength);
    for (int i = 0; i < n; i++) {
      if (a[aFrom + i] != b[bFrom + i]) {
        return i;
      }
    }
    return aLength == bLength ? -1 : n;
  }
}
