package org.bigdatalab.spi;

import java.util.Locale;

/** Parses and prints sizes such as {@code 64MB}, {@code 1g}, {@code 512k} (powers of 1024). */
public final class ByteSize {
  private ByteSize() {}

  public static long parse(String text) {
    String s = text.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
    long factor = 1;
    if (!s.isEmpty()) {
      switch (s.charAt(s.length() - 1)) {
        case 'K' -> factor = 1L << 10;
        case 'M' -> factor = 1L << 20;
        case 'G' -> factor = 1L << 30;
        default -> factor = 1;
      }
      if (factor != 1) {
        s = s.substring(0, s.length() - 1);
      }
    }
    try {
      long value = Long.parseLong(s.trim());
      if (value < 0) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(value, factor);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not a size: '" + text + "' (examples: 512k, 64MB, 1g)");
    }
  }

  public static String format(long bytes) {
    if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) return (bytes >> 30) + "GB";
    if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) return (bytes >> 20) + "MB";
    if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) return (bytes >> 10) + "KB";
    return bytes + "B";
  }
}
