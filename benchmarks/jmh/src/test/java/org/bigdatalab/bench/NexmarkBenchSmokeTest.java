package org.bigdatalab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.reference.SequentialStreaming;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs the Nexmark benchmarks once on a small stream, in-process, and checks that the hand-written
 * loop counts what the engines count. No speed is asserted.
 */
class NexmarkBenchSmokeTest {
  /** In-process, one run each, three queries (a stateless one, the join, the windowed count) and two latencies. */
  private static final BenchRunner.Plan ONCE = new BenchRunner.Plan(0, 0, 0, 1, 1, Mode.SingleShotTime,
      Map.of("query", List.of("Q1", "Q8", "COUNT"), "latency", List.of("Q7", "COUNT")));

  @BeforeAll
  static void allowAnotherJmh() {
    System.setProperty("jmh.ignoreLock", "true");
  }

  @Test
  void theHandWrittenLoopEmitsTheEnginesWindowedCounts() throws Exception {
    NexmarkData data = NexmarkData.of("20K");
    StreamingResult<Long> result = new SequentialStreaming().run(NexmarkBenchQuery.countPerAuction(), data.bids);
    long checksum = 0;
    for (Map.Entry<WindowResult.Id, Long> e : result.finalValues().entrySet()) {
      long auction = Long.parseLong(e.getKey().key()) - org.bigdatalab.workloads.NexmarkGenerator.FIRST_ID;
      checksum += 1_000_003L * e.getKey().window().end() + 31L * auction + e.getValue();
    }
    assertThat(B07_NexmarkWindowedCountBaseline.countPerWindow(data.bidTimes, data.bidAuctions, data.auctionIds,
        NexmarkBenchQuery.WINDOW_MILLIS)).isEqualTo(checksum);
    assertThat(B07_NexmarkWindowedCountBaseline.countPerWindowTyped(B07_NexmarkWindowedCountBaseline.typedBids(data),
        NexmarkBenchQuery.WINDOW_MILLIS)).as("the loop over typed events").isEqualTo(checksum);
    assertThat(B07_NexmarkWindowedCountBaseline.windowResults(data.bidTimes, data.bidAuctions, data.auctionIds,
        NexmarkBenchQuery.WINDOW_MILLIS)).isEqualTo(result.results().size());
    try (var parallel = new org.bigdatalab.streaming.reference.ParallelStreaming(2)) {
      assertThat(parallel.run(NexmarkBenchQuery.countPerAuction(), data.bidsTyped).finalValues())
          .as("stream-parallel's count over the typed bids").isEqualTo(result.finalValues());
      assertThat(parallel.run(NexmarkBenchQuery.countPerAuction(), data.bidsColumns).finalValues())
          .as("stream-parallel's count over the bids' time and auction columns").isEqualTo(result.finalValues());
    }
  }

  @Test
  void queriesRunOnBothEnginesWithLatencyForTheWindowedOnes() {
    List<String> progress = new ArrayList<>();
    // 150K events span 15 s of event time: the first 10 s window fires on a watermark, not only at the end
    NexmarkWorkload.Report report = NexmarkWorkload.run(List.of(), "150K", progress::add, ONCE);

    assertThat(report.rows()).extracting(BenchResult::engine).containsExactly(BenchRunner.BASELINE, NexmarkWorkload.PARSING_LOOP, NexmarkWorkload.TYPED_LOOP,
        "stream-sequential/q1/lines", "stream-sequential/q1/typed", "stream-sequential/q8/lines", "stream-sequential/q8/typed",
        "stream-sequential/count/lines", "stream-sequential/count/typed",
        "stream-parallel/q1/lines", "stream-parallel/q1/typed", "stream-parallel/q8/lines", "stream-parallel/q8/typed",
        "stream-parallel/count/lines", "stream-parallel/count/typed");
    assertThat(report.rows()).allSatisfy(r -> {
      assertThat(r.value()).isPositive();
      assertThat(r.ratioToBaseline()).isPositive();
    });
    assertThat(report.latencies()).hasSize(2 * 2 * 2).allSatisfy(l -> {
      assertThat(l.count()).isPositive();
      assertThat(l.p50()).isLessThanOrEqualTo(l.p99());
      assertThat(l.p99()).isLessThanOrEqualTo(l.max());
    });
    assertThat(NexmarkWorkload.format(report)).contains("p99.9", "stream-parallel/count/typed per core",
        "of " + NexmarkWorkload.TYPED_LOOP + ", the loop over the typed events");
  }
}
