package org.bigdatalab.spi;

/** Escaping that keeps a value inside one tab-separated field of one line. */
final class TextEscapes {
  private TextEscapes() {}

  static String escape(String s) {
    if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        b.append(c);
        continue;
      }
      char next = s.charAt(++i);
      switch (next) {
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        default -> b.append(next);
      }
    }
    return b.toString();
  }

  static String escapeBar(String s) {
    return s.replace("%", "%25").replace("|", "%7C");
  }

  static String unescapeBar(String s) {
    return s.replace("%7C", "|").replace("%25", "%");
  }

  static int unescapedBar(String s) {
    return s.indexOf('|');
  }
}
