package org.bigdatalab.bench;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;

/**
 * Writes rows in the stable JSON form of {@code lab bench} ({@code {"results":[…]}}, snake_case
 * names, one key per {@link BenchResult} component, nulls kept) without a JSON library, so that a
 * benchmark JVM with a forked engine's class path (whose Jackson, if any, is the engine's) can
 * write it too. Keys follow the record's components, so a new field needs no change here.
 */
public final class BenchJson {
  private BenchJson() {}

  public static String write(List<BenchResult> rows) {
    StringBuilder out = new StringBuilder("{\n  \"results\" : [");
    for (int i = 0; i < rows.size(); i++) {
      out.append(i == 0 ? "" : ",").append(" {");
      RecordComponent[] fields = BenchResult.class.getRecordComponents();
      for (int f = 0; f < fields.length; f++) {
        out.append(f == 0 ? "\n" : ",\n").append("    \"").append(snakeCase(fields[f].getName())).append("\" : ")
            .append(value(read(fields[f], rows.get(i))));
      }
      out.append("\n  }");
    }
    return out.append(" ]\n}\n").toString();
  }

  private static Object read(RecordComponent field, BenchResult row) {
    try {
      return field.getAccessor().invoke(row);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + field.getName() + " of a bench row", e);
    }
  }

  private static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return "null"; // not JSON; a row that failed carries no number
      }
      return v instanceof Double ? Double.toString(d) : v.toString();
    }
    StringBuilder s = new StringBuilder("\"");
    for (char c : v.toString().toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> s.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return s.append('"').toString();
  }

  /** {@code ratioToBaseline} → {@code ratio_to_baseline}, {@code p50Ms} → {@code p50_ms}: Jackson's SNAKE_CASE. */
  static String snakeCase(String name) {
    StringBuilder s = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        s.append('_').append(Character.toLowerCase(c));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }
}
