package org.bigdatalab.mapreduce.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The word rule of the spec's text jobs: maximal runs of letters or digits, lower-cased. */
public final class Words {
  private Words() {}

  public static void forEach(String line, Consumer<String> action) {
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

  public static List<String> of(String line) {
    List<String> words = new ArrayList<>();
    forEach(line, words::add);
    return words;
  }
}
