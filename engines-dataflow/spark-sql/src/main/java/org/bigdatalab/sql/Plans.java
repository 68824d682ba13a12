package org.bigdatalab.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence read from a query plan's text, as the engine printed it: which partitions a scan kept,
 * which shuffles a plan has, whether a scan reads buckets, how many files DuckDB scans. Reading the
 * text, not the engine's internal objects, keeps the evidence to what a user of {@code EXPLAIN} sees,
 * and lets the same reader work on any plan a chapter prints.
 *
 * <p>The formats, from Spark 4.0 and DuckDB 2.0:
 * <ul>
 *   <li>a Hive table scan: {@code HiveTableRelation [..., Pruned Partitions: [(date=2024-01-15)]]};
 *   <li>a file source scan: {@code FileScan orc t[...] ..., PartitionFilters: [isnotnull(date#1), (date#1 = 2024-01-15)], ...}
 *       and, when it reads buckets, {@code Bucketed: true};
 *   <li>a shuffle: a plan node {@code Exchange hashpartitioning(user_id#3, 4), ...};
 *   <li>DuckDB's scan box: {@code Scanning Files: 1/5}.
 * </ul>
 */
public final class Plans {
  private static final Pattern PRUNED = Pattern.compile("Pruned Partitions: \\[(.*?)\\]\\]");
  private static final Pattern PARTITION = Pattern.compile("\\(([^()]*)\\)");
  private static final Pattern PARTITION_FILTERS = Pattern.compile("PartitionFilters: \\[(.*?)\\](?:, [A-Z]|$)", Pattern.MULTILINE);
  private static final Pattern EXCHANGE = Pattern.compile("^[\\s:+-]*Exchange (\\w+)", Pattern.MULTILINE);
  private static final Pattern SCANNING = Pattern.compile("Scanning Files: (\\d+)/(\\d+)");
  private static final Pattern FILE_FILTERS = Pattern.compile("File Filters: (.*?)\\s*│");
  private static final Pattern IDS = Pattern.compile("#\\d+L?");

  private Plans() {}

  /** The partitions each Hive table scan kept, e.g. {@code [date=2024-01-15]}, in plan order; empty if no scan lists them. */
  public static List<String> prunedPartitions(String plan) {
    List<String> kept = new ArrayList<>();
    Matcher m = PRUNED.matcher(physical(plan));
    while (m.find()) {
      Matcher p = PARTITION.matcher(m.group(1));
      while (p.find()) {
        kept.add(p.group(1));
      }
    }
    return kept;
  }

  /** The partition filters of each file scan, expression ids removed ({@code date = 2024-01-15}). */
  public static List<String> partitionFilters(String plan) {
    List<String> filters = new ArrayList<>();
    Matcher m = PARTITION_FILTERS.matcher(physical(plan));
    while (m.find()) {
      filters.add(IDS.matcher(m.group(1)).replaceAll(""));
    }
    return filters;
  }

  /** The shuffles of a physical plan, by partitioning: {@code [hashpartitioning, hashpartitioning]}. */
  public static List<String> exchanges(String plan) {
    List<String> found = new ArrayList<>();
    Matcher m = EXCHANGE.matcher(physical(plan));
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** How many file scans in the physical plan read buckets ({@code Bucketed: true}). */
  public static int bucketedScans(String plan) {
    return (int) physical(plan).lines().filter(l -> l.contains("Bucketed: true")).count();
  }

  /** DuckDB's {@code Scanning Files: n/total} of its (first) file scan, as {n, total}; fails if the plan has none. */
  public static int[] duckDbFilesScanned(String plan) {
    Matcher m = SCANNING.matcher(plan);
    if (!m.find()) {
      throw new IllegalArgumentException("no 'Scanning Files: n/total' in DuckDB's plan:\n" + plan);
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  /** The value of {@code field} ({@code Batched}, {@code Bucketed}...) in each file scan of the physical plan. */
  public static List<String> scanField(String plan, String field) {
    List<String> values = new ArrayList<>();
    Matcher m = Pattern.compile("FileScan .*?\\b" + Pattern.quote(field) + ": ([^,\\]\\n]+)").matcher(physical(plan));
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  /** DuckDB's {@code File Filters: ...} of its (first) file scan, or empty. */
  public static String duckDbFileFilters(String plan) {
    Matcher m = FILE_FILTERS.matcher(plan);
    return m.find() ? m.group(1).strip() : "";
  }

  /** The physical part of an EXPLAIN EXTENDED text (all of a plain EXPLAIN). */
  static String physical(String plan) {
    int at = plan.indexOf("== Physical Plan ==");
    return at < 0 ? plan : plan.substring(at);
  }
}
