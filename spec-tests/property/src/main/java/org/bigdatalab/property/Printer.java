package org.bigdatalab.property;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;

/** Shows a generated value the way a reader would type it: strings quoted, line breaks escaped. */
public final class Printer {
  private static final int LIMIT = 2000;

  private Printer() {}

  public static String show(Object value) {
    StringBuilder b = new StringBuilder();
    append(b, value);
    return b.length() > LIMIT ? b.substring(0, LIMIT) + "…" : b.toString();
  }

  private static void append(StringBuilder b, Object value) {
    if (b.length() > LIMIT) {
      return;
    }
    if (value instanceof CharSequence s) {
      b.append('"');
      s.chars().forEach(c -> b.append(switch (c) {
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        default -> String.valueOf((char) c);
      }));
      b.append('"');
    } else if (value instanceof Collection<?> c) {
      b.append('[');
      for (Iterator<?> it = c.iterator(); it.hasNext() && b.length() <= LIMIT; ) {
        append(b, it.next());
        if (it.hasNext()) {
          b.append(", ");
        }
      }
      b.append(']');
    } else if (value != null && value.getClass().isArray()) {
      b.append('[');
      for (int i = 0; i < Array.getLength(value) && b.length() <= LIMIT; i++) {
        b.append(i > 0 ? ", " : "");
        append(b, Array.get(value, i));
      }
      b.append(']');
    } else {
      b.append(value);
    }
  }
}
