package org.bigdatalab.guide;

import java.io.PrintStream;
import org.bigdatalab.dataflow.DataflowEngine;

/*
 * Why: the salting experiment of this chapter ran on df-parallel; the bug it shows (one-stage
 * salting returns one row per salted key) is in the seed's Spark code, so it must show on Spark
 * too, and the two-phase fix must give Spark the same rows as the plain aggregation.
 *
 * How: the same jobs (Ch05_SkewSalting.runs) on the engine "spark", in a JVM with Spark's class path
 * (GuideRenderer.Program.forked).
 */
public final class Ch05_OnSpark {
  private Ch05_OnSpark() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    try (DataflowEngine spark = GuideEngines.create(Ch04_OnSpark.ENGINE, DataflowEngine.class)) {
      Ch05_SkewSalting.print(spark, Ch05_SkewSalting.runs(spark), out);
    }
  }
}
