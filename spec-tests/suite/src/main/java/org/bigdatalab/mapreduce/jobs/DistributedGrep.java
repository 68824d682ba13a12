package org.bigdatalab.mapreduce.jobs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.spi.Codecs;

/** Distributed grep, as Hadoop's example: counts every match of a regular expression. */
public final class DistributedGrep {
  private DistributedGrep() {}

  public static MapReduceJob.Builder<String, Long, String, Long> builder(String regex) {
    Pattern.compile(regex); // fail fast on a bad pattern, before any task runs
    return MapReduceJob.<String, Long, String, Long>builder("grep")
        .mapper((offset, line, out) -> {
          Matcher m = Pattern.compile(regex).matcher(line);
          while (m.find()) {
            out.emit(m.group(), 1L);
          }
        })
        .combiner(WordCount.SUM)
        .reducer(WordCount.SUM)
        .mapOutput(Codecs.STRING, Codecs.LONG)
        .output(Codecs.STRING, Codecs.LONG);
  }
}
