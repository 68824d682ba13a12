package org.bigdatalab.mapreduce;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Word count's mapper: emits {@code (word, 1)} for each word of the line, a word being a maximal
 * run of letters or digits ({@link Character#isLetterOrDigit(char)}), lower-cased with
 * {@link Locale#ROOT}. It is an ordinary mapper, and its type is also a declaration an engine may
 * act on: for a line of ASCII bytes the words are exactly the runs of {@code [0-9A-Za-z]} with
 * {@code A-Z} lowered, so an engine may cut them from the line's bytes without decoding it to a
 * String; a line holding any other byte must take {@link #map}.
 */
public final class WordCountMapper implements Mapper<String, Long> {
  private static final long serialVersionUID = 1L;
  private static final Long ONE = 1L;

  @Override
  public void map(long offset, String line, Collector<String, Long> out) {
    forEachWord(line, w -> out.emit(w, ONE));
  }

  /** The word rule of the spec's text jobs, applied to one line. */
  public static void forEachWord(String line, Consumer<String> action) {
    int n = line.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        action.accept(line.substring(start, i).toLowerCase(Locale.ROOT));
      }
    }
  }
}
