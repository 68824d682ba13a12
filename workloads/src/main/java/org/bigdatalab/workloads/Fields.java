package org.bigdatalab.workloads;

import org.bigdatalab.spi.BadRecordException;

/** Field parsers shared by the readers, so the same mistake gets the same message everywhere. */
final class Fields {
  private Fields() {}

  /** A decimal {@code long}, strictly: no spaces, no decimals. */
  static long parseLong(String field, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadRecordException(field, text.isEmpty() ? "empty"
          : "not a number: " + LineRecordReader.quote(text));
    }
  }
}
