package org.bigdatalab.guide;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.bigdatalab.dataflow.ActionResult;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.Dataset;

/*
 * Why: a Spark transformation (map, filter, join, ...) computes nothing. It returns a new
 * description of a dataset, its lineage. Only an action (collect, count, reduce, save, ...) makes
 * the engine run the plan, and it runs the whole lineage from the source every time, unless a
 * dataset on the way was cached. The seed's RDD example files reduce() under "Transformations
 * (lazy)"; reduce is an action and runs at once.
 *
 * How: the seed's squares example (1..10 in 4 slices, square, keep > 20) with a counter in the map
 * function, so we can see when and how often the map runs: after the transformations, after one
 * action, after a second action, then the same with cache(). The counter is a side effect, used
 * here only to watch the engine; a real job must not rely on one (a retried task runs it twice).
 */
public final class Ch04_LazyEvaluation {
  static final List<String> ENGINES = List.of("df-sequential", "df-parallel");

  /** How many times the map function has run; a static, so the serializable lambda captures nothing. */
  static final AtomicLong SQUARED = new AtomicLong();

  private Ch04_LazyEvaluation() {}

  /** The counter at each step, for the tests. */
  public record Counts(long afterTransformations, long afterCollect, long afterReduce, List<Integer> collected,
                       Optional<Integer> sum, long cachedAfterTransformations, long cachedAfterFirst,
                       long cachedAfterSecond, int stagesFromCache) {}

  public static Counts run(DataflowEngine engine, PrintStream out) throws Exception {
    List<Integer> data = IntStream.rangeClosed(1, 10).boxed().toList();
    SQUARED.set(0);
    // tag::lazy[]
    Dataset<Integer> rdd = Dataset.of(data, 4);                 // sc.parallelize(data, numSlices=4)
    Dataset<Integer> squared = rdd.map(x -> {
      SQUARED.incrementAndGet();
      return x * x;
    });
    Dataset<Integer> filtered = squared.filter(x -> x > 20);    // still nothing has run
    long afterTransformations = SQUARED.get();
    List<Integer> result = engine.collect(filtered);            // action: runs the lineage
    long afterCollect = SQUARED.get();
    Optional<Integer> sum = engine.reduce(filtered, Integer::sum);   // action: runs it all again
    long afterReduce = SQUARED.get();
    // end::lazy[]
    out.printf("%s: lineage %s%n", engine.info().id(), filtered.lineage());
    out.printf("  map calls after map and filter: %d%n", afterTransformations);
    out.printf("  after collect() -> %s: %d%n", result, afterCollect);
    out.printf("  after reduce(+) -> %s: %d (the squares were computed again)%n", sum.orElseThrow(), afterReduce);

    SQUARED.set(0);
    // tag::cache[]
    Dataset<Integer> cached = rdd.map(x -> {
      SQUARED.incrementAndGet();
      return x * x;
    }).cache();                                                  // a request, carried out by the first action
    long cachedAfterTransformations = SQUARED.get();
    engine.count(cached.filter(x -> x > 20));
    long cachedAfterFirst = SQUARED.get();
    ActionResult<Optional<Integer>> second = engine.execute(Action.reduce(cached.filter(x -> x > 20), Integer::sum));
    long cachedAfterSecond = SQUARED.get();
    // end::cache[]
    int fromCache = second.metrics().startingWith("cache").size();
    out.printf("  with cache(): map calls %d after the transformations, %d after count(), %d after reduce(+)%n",
        cachedAfterTransformations, cachedAfterFirst, cachedAfterSecond);
    out.printf("  the second action's stages:%n%s", indent(second.metrics().toString()));
    return new Counts(afterTransformations, afterCollect, afterReduce, result, sum, cachedAfterTransformations,
        cachedAfterFirst, cachedAfterSecond, fromCache);
  }

  static String indent(String lines) {
    StringBuilder b = new StringBuilder();
    lines.lines().forEach(l -> b.append("    ").append(l).append('\n'));
    return b.toString();
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    for (String id : GuideEngines.available(ENGINES, out)) {
      try (DataflowEngine engine = GuideEngines.create(id, DataflowEngine.class)) {
        run(engine, out);
      }
    }
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch04_LazyEvaluation
end::run[]
 */
