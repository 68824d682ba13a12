package org.bigdatalab.lambda.spark;

import java.util.HashMap;
import java.util.Map;
import org.bigdatalab.lambda.reference.CombinationProvider;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;

/**
 * {@code lambda:spark+spark-streaming+kafka}: the pipelines on real engines in one JVM. The batch
 * layer is Spark's RDD engine, the speed layer and the Kappa jobs Spark Structured Streaming, the
 * log real Kafka (an embedded KRaft broker, or {@code bootstrap.servers}). Both Spark engines get
 * the same SparkContext: the dataflow engine starts it, and the streaming engine's
 * {@code SparkSession.builder().getOrCreate()} finds it, so one JVM holds one Spark.
 *
 * <p>The pipelines use Kafka through the log SPI, not Spark's Kafka source: that connector needs
 * the 3.9 broker in one JVM (../shared/ENGINES.md), and a stretch of the log handed to the
 * streaming engine is what every combination runs, so the clauses check the same code here.
 */
public final class SparkKafkaCombination extends CombinationProvider {
  /** Micro-batches per streaming run: the stretch is read whole before the run, so nothing in it is late. */
  static final String MAX_BATCHES = "max.batches";

  public SparkKafkaCombination() {
    super("spark", "spark-streaming", "kafka", EngineInfo.Kind.REAL,
        "Lambda and Kappa over real engines in one JVM: Spark 4 batch, Spark Structured Streaming speed, Kafka 4.4 log.");
  }

  /**
   * One micro-batch per stretch unless the options say otherwise: the adapter's default of one
   * batch a line (up to 16) exists to move the watermark line by line, which a whole stretch run
   * with an out-of-orderness wider than its times never needs; 16 batches cost 16 times Spark's
   * per-batch overhead for the same sums.
   */
  @Override
  protected EngineOptions streamingOptions(EngineOptions given) {
    if (given.get(MAX_BATCHES).isPresent()) {
      return given;
    }
    Map<String, String> values = new HashMap<>(given.values());
    values.put(MAX_BATCHES, "1");
    return new EngineOptions(values);
  }
}
