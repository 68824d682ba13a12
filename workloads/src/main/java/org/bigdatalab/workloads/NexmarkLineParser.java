package org.bigdatalab.workloads;

import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.workloads.NexmarkEvent.Auction;
import org.bigdatalab.workloads.NexmarkEvent.Bid;
import org.bigdatalab.workloads.NexmarkEvent.Person;

/** Reads the comma-separated fields of one Nexmark line after its kind, left to right. */
final class NexmarkLineParser {
  private final String line;
  private int at = 2;

  private NexmarkLineParser(String line) {
    this.line = line;
  }

  static NexmarkEvent parse(String line) {
    if (line.length() < 2 || line.charAt(1) != ',') {
      throw new BadRecordException("kind", "expected P, A or B followed by a comma in '" + line + "'");
    }
    NexmarkLineParser c = new NexmarkLineParser(line);
    // Java evaluates arguments left to right, so the fields are read in line order.
    return switch (line.charAt(0)) {
      case 'P' -> new Person(c.number("time"), c.number("id"), c.text("name"), c.text("city"), c.lastText("state"));
      case 'A' -> new Auction(c.number("time"), c.number("id"), c.number("seller"), c.number("category"),
          c.number("initialBid"), c.number("reserve"), c.lastNumber("expires"));
      case 'B' -> new Bid(c.number("time"), c.number("auction"), c.number("bidder"), c.lastNumber("price"));
      default -> throw new BadRecordException("kind", "'" + line.charAt(0) + "' is not P, A or B");
    };
  }

  private int fieldEnd(String field, boolean last) {
    if (at > line.length()) {
      throw new BadRecordException(field, "missing in '" + line + "'");
    }
    int comma = line.indexOf(',', at);
    if (last && comma >= 0) {
      throw new BadRecordException(field, "is followed by extra fields in '" + line + "'");
    }
    return comma < 0 ? line.length() : comma;
  }

  private long number(String field) { return parseNumber(field, fieldEnd(field, false)); }

  private long lastNumber(String field) { return parseNumber(field, fieldEnd(field, true)); }

  private String text(String field) { return takeText(field, fieldEnd(field, false)); }

  private String lastText(String field) { return takeText(field, fieldEnd(field, true)); }

  private String takeText(String field, int end) {
    if (end == at) {
      throw new BadRecordException(field, "is empty in '" + line + "'");
    }
    String text = line.substring(at, end);
    at = end + 1;
    return text;
  }

  private long parseNumber(String field, int end) {
    int i = at;
    boolean negative = i < end && line.charAt(i) == '-';
    if (negative) {
      i++;
    }
    if (i == end || end - i > 18) {
      throw new BadRecordException(field, "'" + line.substring(at, end) + "' is not a whole number");
    }
    long value = 0;
    for (; i < end; i++) {
      int digit = line.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        throw new BadRecordException(field, "'" + line.substring(at, end) + "' is not a whole number");
      }
      value = value * 10 + digit;
    }
    at = end + 1;
    return negative ? -value : value;
  }
}
