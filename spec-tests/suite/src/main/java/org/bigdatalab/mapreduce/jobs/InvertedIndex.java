package org.bigdatalab.mapreduce.jobs;

import java.util.TreeSet;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.spi.Codecs;

/**
 * Inverted index: for each word, the sorted list of files it occurs in ({@code a.txt,b.txt}).
 * The map side reads the file name from its task context, as a Hadoop mapper reads it from its
 * input split.
 */
public final class InvertedIndex {
  private InvertedIndex() {}

  public static MapReduceJob.Builder<String, String, String, String> builder() {
    return MapReduceJob.<String, String, String, String>builder("inverted-index")
        .mapper((offset, line, out) -> Words.forEach(line, w -> out.emit(w, out.task().inputFile())))
        .reducer((word, files, out) -> {
          TreeSet<String> distinct = new TreeSet<>();
          for (String f : files) {
            for (String part : f.split(",")) {
              distinct.add(part);
            }
          }
          out.emit(word, String.join(",", distinct));
        })
        .mapOutput(Codecs.STRING, Codecs.STRING)
        .output(Codecs.STRING, Codecs.STRING);
  }
}
