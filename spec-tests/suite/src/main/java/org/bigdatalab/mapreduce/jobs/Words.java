package org.bigdatalab.mapreduce.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bigdatalab.mapreduce.WordCountMapper;

/** The word rule of the spec's text jobs: maximal runs of letters or digits, lower-cased (kept in {@link WordCountMapper}). */
public final class Words {
  private Words() {}

  public static void forEach(String line, Consumer<String> action) {
    WordCountMapper.forEachWord(line, action);
  }

  public static List<String> of(String line) {
    List<String> words = new ArrayList<>();
    forEach(line, words::add);
    return words;
  }
}
