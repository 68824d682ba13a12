package org.bigdatalab.streaming.spec;

import org.bigdatalab.spi.BadRecordException;

/**
 * The spec's event: a user's click at an event time, with an amount. On the wire it is the line
 * {@code time,user,amount}, so the job's parser, and its dead letters, are exercised on every run.
 */
public record Click(long time, String user, long amount) {

  public String line() { return time + "," + user + "," + amount; }

  /** Parses {@code time,user,amount}; refuses anything else with the field and the problem. */
  public static Click parse(String line) {
    String[] fields = line.split(",", -1);
    if (fields.length != 3) {
      throw new BadRecordException("line", "expected time,user,amount but found " + fields.length + " field(s)");
    }
    if (fields[1].isBlank()) {
      throw new BadRecordException("user", "is empty");
    }
    return new Click(number("time", fields[0]), fields[1], number("amount", fields[2]));
  }

  private static long number(String field, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new BadRecordException(field, "'" + text + "' is not a whole number");
    }
  }

  @Override
  public String toString() { return line(); }
}
