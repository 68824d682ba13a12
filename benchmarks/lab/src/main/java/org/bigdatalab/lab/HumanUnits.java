package org.bigdatalab.lab;

import java.util.Locale;

/**
 * Numbers as a person reads them: three significant digits and a unit prefix, {@code 62.1 M events/s}
 * rather than {@code 62100000.0 events/s}; {@code 2.85 GB/s}; {@code 1.93 s} rather than {@code 1934 ms}.
 * Only for display: the JSON keeps the exact values.
 */
final class HumanUnits {
  private static final String[] PREFIXES = {"", " k", " M", " G", " T"};

  private HumanUnits() {}

  static String format(double value, String metric) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "n/a";
    }
    if (metric.startsWith("MB")) {            // MB/s, MB allocated/check: grow into GB, TB
      return scaled(value, metric.substring(2), new String[] {" MB", " GB", " TB"});
    }
    if (metric.equals("ms") || metric.endsWith(" ms")) {
      return milliseconds(value) + (metric.equals("ms") ? "" : " (" + metric.substring(0, metric.length() - 3) + ")");
    }
    return scaled(value, " " + metric, PREFIXES).replace("  ", " ");
  }

  /** {@code 0.42 ms}, {@code 12.3 ms}, {@code 1.93 s}, {@code 2.5 min}. */
  static String milliseconds(double ms) {
    if (ms >= 120_000) {
      return digits(ms / 60_000) + " min";
    }
    return ms >= 1000 ? digits(ms / 1000) + " s" : digits(ms) + " ms";
  }

  /** A ratio to a baseline: {@code 0.143×}, {@code 4.48×}. */
  static String ratio(double ratio) {
    return digits(ratio) + "×";
  }

  private static String scaled(double value, String unit, String[] prefixes) {
    int step = 0;
    double v = value;
    while (Math.abs(v) >= 1000 && step < prefixes.length - 1) {
      v /= 1000;
      step++;
    }
    return digits(v) + prefixes[step] + unit;
  }

  /** Three significant digits, no exponent, no trailing zeros after the point. */
  static String digits(double v) {
    double a = Math.abs(v);
    String s;
    if (a == 0 || a >= 100) {
      s = String.format(Locale.ROOT, "%.0f", v);
    } else if (a >= 10) {
      s = String.format(Locale.ROOT, "%.1f", v);
    } else if (a >= 1) {
      s = String.format(Locale.ROOT, "%.2f", v);
    } else {
      s = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
    return s.contains(".") && !s.contains("E") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
