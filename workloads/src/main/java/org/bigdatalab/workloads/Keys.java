package org.bigdatalab.workloads;

/**
 * Key names shared by the keyed generators: {@code k} and the number zero-padded to the width of
 * the key space, so sorting keys as strings sorts them by number and every key has one spelling.
 */
public final class Keys {
  private Keys() {}

  /** The name of key {@code number} in a space of {@code keySpaceSize} keys numbered from 1. */
  public static String name(int number, int keySpaceSize) {
    if (number < 1 || number > keySpaceSize) {
      throw new IllegalArgumentException("key number must be in 1.." + keySpaceSize + ", got " + number);
    }
    String digits = Integer.toString(number);
    int width = Integer.toString(keySpaceSize).length();
    return "k" + "0".repeat(width - digits.length()) + digits;
  }
}
