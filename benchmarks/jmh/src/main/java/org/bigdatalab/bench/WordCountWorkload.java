package org.bigdatalab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code lab bench --workload wordcount}: B01's two hand-written loops (the baseline, and the same
 * loop with HashMap&lt;String, Long&gt; for scale) and B02 per MapReduce engine, on a Zipf corpus.
 * Sizes: {@code small} = 4MB, {@code full} = 16MB, 128MB and 512MB, or any size.
 */
final class WordCountWorkload extends MapReduceWorkload {
  @Override public String name() {
    return "wordcount";
  }

  @Override String smallSize() {
    return "4MB";
  }

  @Override List<String> fullSizes() {
    return List.of("16MB", "128MB", "512MB");
  }

  @Override Path input(String label) throws IOException {
    return BenchData.zipfCorpus(label);
  }

  @Override String baselines() {
    return Pattern.quote(B01_WordCountBaseline.class.getName()) + "\\.measure(Right|Wrong)$";
  }

  @Override String engineBenchmark() {
    return Pattern.quote(B02_WordCountEngines.class.getName()) + "\\.measureEngine$";
  }

  @Override List<String> handWritten() {
    return List.of(BenchRunner.BASELINE, BenchRunner.HASHMAP_LOOP);
  }
}
