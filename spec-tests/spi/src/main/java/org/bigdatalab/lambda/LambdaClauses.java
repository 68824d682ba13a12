package org.bigdatalab.lambda;

import static org.bigdatalab.spi.Clause.Level.REQUIRED;

import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.ClauseCatalogue;
import org.bigdatalab.spi.Topic;

/**
 * The Lambda architecture clauses: a batch layer recomputes views over the immutable master
 * dataset, a speed layer covers what came after, and the serving layer merges the two. Checked on
 * pipeline engines (a dataflow engine, a streaming engine and a log, see {@link PipelineEngine}).
 */
public final class LambdaClauses {
  private LambdaClauses() {}

  public static final String SERVING_EQUALS_RECOMPUTE = "lambda.serving.equals-recompute";
  public static final String BATCH_OVERRIDES_SPEED = "lambda.batch-overrides-speed";

  private static final String MARZ = "Marz & Warren, Big Data: Principles and best practices of scalable realtime data systems (2015), ch. 1, 12-18";
  private static final String SEED = "seed: Lambda architecture sketch (merge of batch and realtime views at query time)";

  public static final ClauseCatalogue CATALOGUE = ClauseCatalogue.of(Topic.LAMBDA,
      new Clause(SERVING_EQUALS_RECOMPUTE, Topic.LAMBDA, REQUIRED,
          "At any query time, the batch view merged with the realtime view equals a recomputation over every event read so"
              + " far: no event counted twice at the batch/speed boundary, none missing.",
          SEED + " (its merge counts an event twice at the boundary); " + MARZ,
          "a boundary drawn by event time (events at the boundary time in both layers) instead of by log offsets"),
      new Clause(BATCH_OVERRIDES_SPEED, Topic.LAMBDA, REQUIRED,
          "Once a batch run covers a stretch of the log, the realtime view's values from that stretch are discarded: the"
              + " realtime view holds exactly the events after the batch view's offsets.",
          MARZ + " (ch. 16: the speed layer's views expire once the batch layer has absorbed their data)",
          "a realtime view kept as it was when a batch run finished"));
}
