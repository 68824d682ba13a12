package org.bigdatalab.sql;

import java.util.Optional;
import org.apache.hadoop.hive.ql.parse.ParseDriver;
import org.apache.hadoop.hive.ql.parse.ParseException;

/**
 * Real Hive's own HiveQL parser (Hive 2.3, the one Spark's Hive support ships), used to check that a
 * statement is HiveQL that Hive itself accepts. Spark parses HiveQL with its own grammar, which is more
 * lenient: it takes {@code timestamp} and {@code date} as column names, where Hive, since 1.2, treats
 * them as reserved words. A statement that runs on Spark is therefore not proof that it runs on Hive;
 * this parser is the check, without a Hive server.
 */
public final class HiveParser {
  private HiveParser() {}

  /** Empty if Hive's parser accepts {@code statement}, else its first error, e.g. {@code line 1:61 cannot recognize input near ...}. */
  public static Optional<String> problem(String statement) {
    try {
      new ParseDriver().parse(statement);
      return Optional.empty();
    } catch (ParseException e) {
      return Optional.of(e.getMessage().strip());
    }
  }
}
