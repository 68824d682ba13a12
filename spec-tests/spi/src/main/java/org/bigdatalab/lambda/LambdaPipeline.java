package org.bigdatalab.lambda;

import java.util.Map;

/**
 * A Lambda architecture over one topic of a log (see {@link LambdaClauses}). The batch layer copies
 * the log into an immutable, append-only master dataset and recomputes the batch view over all of
 * it; the speed layer covers only the records after the batch view's offsets; the serving layer
 * adds the two views at query time.
 *
 * <p>Assumptions and guarantees: both layers read up to the log's end at the moment they run;
 * after {@link #runBatch()} the realtime view holds nothing the batch view covers. Example: 5
 * records, {@code runBatch()}, 2 more, {@code runSpeed()}: the batch view covers offsets 0-4, the
 * realtime view 5-6, and {@link #query()} all 7, each once.
 */
public interface LambdaPipeline {

  /** The batch layer: appends the log's new records to the master dataset, recomputes the batch view, expires the realtime view's covered values. */
  void runBatch();

  /** The speed layer: reads the records after those it (or the batch layer) read, up to the log's end, into the realtime view. */
  void runSpeed();

  Map<ViewKey, Long> batchView();

  Map<ViewKey, Long> realtimeView();

  /** The serving layer: the batch and realtime views merged, values of the same key and window added. */
  Map<ViewKey, Long> query();
}
