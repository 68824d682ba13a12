package org.bigdatalab.streaming.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.spec.NexmarkQueries;
import org.bigdatalab.workloads.NexmarkEvent;
import org.bigdatalab.workloads.NexmarkGenerator;

/**
 * Flink's Nexmark throughput, run by hand (Flink cannot share the lab CLI's class path, so
 * {@code lab bench --workload nexmark} does not run it). Not a test: nothing is asserted.
 *
 * <pre>
 * java -cp engines-streaming/flink/target/classes:engines-streaming/flink/target/test-classes:\
 *   engines-streaming/reference/target/classes:$(cat engines-streaming/flink/target/lab-engine.classpath) \
 *   org.bigdatalab.streaming.flink.NexmarkFlinkThroughput 200000 [lines|typed]
 * </pre>
 *
 * Each query runs on each engine on the class path (flink, and stream-sequential and
 * stream-parallel when the reference engines' classes are added as above, so the ratios come from
 * one run) over n and 2n events of the same stream as the bench (seed 42, 10 000 events/s). Start-up
 * is excluded twice over: the MiniCluster is started by a warm-up run, and events/s is n / (t(2n) −
 * t(n)), so the cost that every job pays once (graph, deployment, the bounded source's set-up)
 * cancels out. Flink runs at parallelism 1, as the adapter does. Each query reads its input as
 * lines and as one typed batch (ScriptedSource.Events; Flink has no typed path and reads the
 * batch's lines), or only the source named.
 */
public final class NexmarkFlinkThroughput {
  private NexmarkFlinkThroughput() {}

  private static final List<String> QUERIES = List.of("q0", "q1", "q7", "count", "q5", "q11");

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    List<String> sources = args.length > 1 ? List.of(args[1]) : List.of("lines", "typed");
    List<String> engines = new ArrayList<>();
    for (String id : List.of("flink", "stream-sequential", "stream-parallel")) {
      if (EngineRegistry.load().find(id).isPresent()) {
        engines.add(id);
      }
    }
    NexmarkGenerator gen = new NexmarkGenerator(42, 2L * n, 10_000);
    List<NexmarkEvent> events = gen.events().toList();
    System.out.printf(Locale.ROOT, "%-18s %-6s %-6s %12s %12s %14s%n", "engine", "query", "source", "t(n) ms", "t(2n) ms",
        "events/s");
    for (String id : engines) {
      try (StreamingEngine engine = EngineRegistry.load().create(id, StreamingEngine.class, EngineOptions.NONE)) {
        for (String q : QUERIES) {
          for (String s : sources) {
            boolean typed = s.equals("typed");
            run(engine, q, events, n / 4, typed); // warm-up (and, for flink, the MiniCluster's start)
            long t1 = run(engine, q, events, n, typed);
            long t2 = run(engine, q, events, 2 * n, typed);
            double perSecond = inputOf(q, events, 2 * n).size() - inputOf(q, events, n).size();
            perSecond /= Math.max(1e-9, (t2 - t1) / 1e9);
            System.out.printf(Locale.ROOT, "%-18s %-6s %-6s %12.1f %12.1f %14.4g%n", id, q, s, t1 / 1e6, t2 / 1e6, perSecond);
          }
        }
      }
    }
  }

  private static List<NexmarkEvent> inputOf(String q, List<NexmarkEvent> events, int count) {
    boolean bidsOnly = !q.equals("q0") && !q.equals("q1");
    return events.subList(0, count).stream().filter(e -> !bidsOnly || e instanceof NexmarkEvent.Bid).toList();
  }

  /** One run over the first {@code count} events; its wall time in nanoseconds. */
  private static long run(StreamingEngine engine, String q, List<NexmarkEvent> events, int count, boolean typed)
      throws Exception {
    List<NexmarkEvent> input = inputOf(q, events, count);
    ScriptedSource source = typed ? ScriptedSource.ofEvents(input, NexmarkEvent::line)
        : ScriptedSource.ofLines(input.stream().map(NexmarkEvent::line).toList());
    long start = System.nanoTime();
    int results = switch (q) {
      case "q0" -> engine.runStateless(NexmarkQueries.q0PassThrough(), source).outputs().size();
      case "q1" -> engine.runStateless(NexmarkQueries.q1Currency(), source).outputs().size();
      case "q5" -> engine.run(NexmarkQueries.q5BidsPerAuction(10_000, 2_000, 0), source).results().size();
      case "q7" -> engine.run(NexmarkQueries.q7HighestBid(10_000, 0), source).results().size();
      case "q11" -> engine.run(NexmarkQueries.q11Sessions(10_000, 0), source).results().size();
      default -> engine.run(org.bigdatalab.streaming.StreamingJob.of("nexmark-count", NexmarkEvent::parse,
          (org.bigdatalab.streaming.StreamFns.LongKey<NexmarkEvent>) e -> ((NexmarkEvent.Bid) e).auction(), NexmarkEvent::time,
          org.bigdatalab.streaming.Windows.tumbling(10_000), org.bigdatalab.streaming.Aggregate.<NexmarkEvent>count()), source)
          .results().size();
    };
    long took = System.nanoTime() - start;
    if (results == 0) {
      throw new IllegalStateException(q + " on " + engine.info().id() + " emitted nothing");
    }
    return took;
  }
}
