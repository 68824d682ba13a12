package org.bigdatalab.mapreduce.spec;

import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.spi.Codecs;

/**
 * Echoes every line it reads under the key {@code file@offset}: whatever the splits, each line must
 * come out exactly once with its exact text.
 */
final class LineEcho {
  private LineEcho() {}

  static MapReduceJob<String, String, String, String> job(long maxSplitBytes, int reducers) {
    return MapReduceJob.<String, String, String, String>builder("line-echo")
        .mapper((offset, line, out) -> out.emit(out.task().inputFile() + "@" + offset, line))
        .reducer((key, lines, out) -> {
          for (String line : lines) {
            out.emit(key, line);
          }
        })
        .mapOutput(Codecs.STRING, Codecs.STRING)
        .output(Codecs.STRING, Codecs.STRING)
        .maxSplitBytes(maxSplitBytes)
        .numReducers(reducers)
        .build();
  }
}
