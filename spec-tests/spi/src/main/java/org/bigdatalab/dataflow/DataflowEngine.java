package org.bigdatalab.dataflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bigdatalab.spi.Engine;

/**
 * A dataflow engine: executes the plan of a {@link Dataset} when an {@link Action} asks for a
 * result, and reports what it took ({@link ActionMetrics}). It keeps cached datasets between
 * actions. See {@link DataflowClauses} and {@link SkewClauses} for everything an engine promises.
 */
public interface DataflowEngine extends Engine {

  <R> ActionResult<R> execute(Action<R> action) throws DataflowFailedException;

  default <T> List<T> collect(Dataset<T> ds) throws DataflowFailedException {
    return execute(Action.collect(ds)).value();
  }

  default <T> List<List<T>> collectPartitions(Dataset<T> ds) throws DataflowFailedException {
    return execute(Action.collectPartitions(ds)).value();
  }

  default long count(Dataset<?> ds) throws DataflowFailedException {
    return execute(Action.count(ds)).value();
  }

  default <T> Optional<T> reduce(Dataset<T> ds, Fn.Combine<T> f) throws DataflowFailedException {
    return execute(Action.reduce(ds, f)).value();
  }

  default <T> List<T> take(Dataset<T> ds, int n) throws DataflowFailedException {
    return execute(Action.take(ds, n)).value();
  }

  default long save(Dataset<?> ds, Path dir) throws DataflowFailedException {
    return execute(Action.save(ds, dir)).value();
  }
}
