package org.bigdatalab.property;

import java.util.ArrayList;
import java.util.List;

/** Strings of characters from an alphabet; they shrink to shorter strings of its first characters. */
public final class StringArbitrary implements Arbitrary<String> {
  private final List<Character> alphabet;
  private final int minLength;
  private final int maxLength;

  StringArbitrary() {
    this(printableAscii(), 0, 20);
  }

  private StringArbitrary(List<Character> alphabet, int minLength, int maxLength) {
    this.alphabet = alphabet;
    this.minLength = minLength;
    this.maxLength = maxLength;
  }

  public StringArbitrary withChars(CharSequence chars) {
    List<Character> list = new ArrayList<>();
    chars.chars().forEach(c -> list.add((char) c));
    return new StringArbitrary(list, minLength, maxLength);
  }

  public StringArbitrary withCharRange(char from, char to) {
    List<Character> list = new ArrayList<>();
    for (char c = from; c <= to; c++) {
      list.add(c);
    }
    return new StringArbitrary(list, minLength, maxLength);
  }

  public StringArbitrary ofMinLength(int length) {
    return new StringArbitrary(alphabet, length, Math.max(length, maxLength));
  }

  public StringArbitrary ofMaxLength(int length) {
    return new StringArbitrary(alphabet, Math.min(length, minLength), length);
  }

  @Override
  public String generate(Source s) {
    List<Character> chars = Arbitraries.of(alphabet).list().ofMinSize(minLength).ofMaxSize(maxLength).generate(s);
    StringBuilder b = new StringBuilder(chars.size());
    chars.forEach(b::append);
    return b.toString();
  }

  private static List<Character> printableAscii() {
    List<Character> list = new ArrayList<>();
    for (char c = ' '; c <= '~'; c++) {
      list.add(c);
    }
    return list;
  }
}
