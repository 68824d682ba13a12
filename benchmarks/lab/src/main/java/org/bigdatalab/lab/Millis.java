package org.bigdatalab.lab;

import java.util.Locale;
import picocli.CommandLine;

/**
 * A span of event time on the command line, {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, or a
 * plain number of milliseconds, as milliseconds (the unit of event times in the spec's streams).
 */
final class Millis implements CommandLine.ITypeConverter<Long> {
  @Override
  public Long convert(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    String number = t;
    for (String[] u : new String[][] {{"ms", "1"}, {"s", "1000"}, {"m", "60000"}, {"h", "3600000"}}) {
      if (t.endsWith(u[0])) {
        unit = Long.parseLong(u[1]);
        number = t.substring(0, t.length() - u[0].length());
        break;
      }
    }
    try {
      long millis = Math.round(Double.parseDouble(number) * unit);
      if (millis < 0) {
        throw new CommandLine.TypeConversionException("'" + text + "' is negative");
      }
      return millis;
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a duration (500ms, 10s, 5m, 1h)");
    }
  }
}
