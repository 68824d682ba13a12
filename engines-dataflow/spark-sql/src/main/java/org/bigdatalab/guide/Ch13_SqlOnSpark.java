package org.bigdatalab.guide;

import java.io.PrintStream;

/*
 * Why: chapter 13's programs share one SparkSession with Hive support, whose metastore takes most of a
 * run's start-up. The guide runs real engines in a JVM of their own per program, so it runs this one:
 * the four programs in order, in one JVM, each output between tag lines that the chapter includes
 * part by part.
 */
public final class Ch13_SqlOnSpark {
  private Ch13_SqlOnSpark() {}

  /** The module that holds the chapter's programs and their class path (Spark with Hive, DuckDB). */
  static final String MODULE = "engines-dataflow/spark-sql";

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    part("hiveql", out, Ch13_HiveQl::run);
    part("optimizations", out, Ch13_HiveOptimizations::run);
    part("dataframes", out, Ch13_DataFrames::run);
    part("duckdb", out, Ch13_DuckDb::run);
  }

  interface Part {
    void run(PrintStream out) throws Exception;
  }

  private static void part(String tag, PrintStream out, Part program) throws Exception {
    out.println("// tag::" + tag + "[]");
    program.run(out);
    out.println("// end::" + tag + "[]");
  }
}
