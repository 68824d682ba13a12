package org.bigdatalab.guide;

import java.io.PrintStream;
import org.bigdatalab.dataflow.DataflowEngine;

/*
 * Why: chapter 4's programs ran on our two dataflow engines; the claims they check (nothing runs
 * before an action, cache computes once, the word count and the group-by results, what each
 * optimisation shuffles) are claims about Spark. So the same programs run here on real Apache Spark
 * in local[*] mode, through the same SPI, found by the id "spark".
 *
 * How: Spark's jars cannot share the guide's class path, so the renderer runs this program in a JVM
 * of its own with the class path of the module holding {@code spark} (GuideRenderer.Program.forked).
 * Spark's start-up (a SparkSession) is paid once, by the engine.
 */
public final class Ch04_OnSpark {
  static final String ENGINE = "spark";

  private Ch04_OnSpark() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    // tag::spark[]
    try (DataflowEngine spark = GuideEngines.create(ENGINE, DataflowEngine.class)) {   // local[*] by default
      out.println("engine: " + spark.info().displayName());
      Ch04_LazyEvaluation.run(spark, out);
      Ch04_WordCountAndGroupBy.run(spark, out);
      Ch04_ShuffleExperiments.run(spark, out);
    }
    // end::spark[]
  }
}

/*
 * How to run it, from the repository root (Spark's class path comes from its module):
tag::run[]
./mvnw -q -B install -DskipTests
java $(sed -n 's/^jvm.flags=//p' spec-tests/spi/target/classes/bigdatalab-engine-jvm.properties) \
  -cp "engines-dataflow/spark/target/classes:$(cat engines-dataflow/spark/target/lab-engine.classpath):guide/target/classes:$(cat benchmarks/lab/target/lab.classpath)" \
  org.bigdatalab.guide.Ch04_OnSpark
end::run[]
 */
