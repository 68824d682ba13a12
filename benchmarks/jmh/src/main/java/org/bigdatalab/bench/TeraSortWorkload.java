package org.bigdatalab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code lab bench --workload terasort}: B03's hand-written sort, then each MapReduce engine, on
 * gensort-style records (checked against their expected order). Sizes: {@code small} = 8MB,
 * {@code full} = 1GB, or any size.
 */
final class TeraSortWorkload extends MapReduceWorkload {
  private static final String B03 = Pattern.quote(B03_TeraSort.class.getName());

  @Override public String name() {
    return "terasort";
  }

  @Override String smallSize() {
    return "8MB";
  }

  @Override List<String> fullSizes() {
    return List.of("1GB");
  }

  @Override Path input(String label) throws IOException {
    Path input = BenchData.teraInput(label);
    BenchData.teraExpectation(input);
    return input;
  }

  @Override String baselines() {
    return B03 + "\\.baseline$";
  }

  @Override String engineBenchmark() {
    return B03 + "\\.measureEngine$";
  }

  /** mr-sequential holds the whole input as Strings. */
  @Override public long heapMegabytes(long bytes) {
    return Math.max(2048, 10 * (bytes >> 20));
  }
}
