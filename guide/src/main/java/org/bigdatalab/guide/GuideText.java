package org.bigdatalab.guide;

/** Text helpers for the chapter programs' output, so it reads well in a terminal and in the guide. */
public final class GuideText {
  private GuideText() {}

  /** Breaks {@code text} at spaces into lines of at most {@code width} characters, each starting with {@code indent}. */
  public static String wrap(String text, String indent, int width) {
    StringBuilder out = new StringBuilder(indent);
    int column = indent.length();
    for (String word : text.split(" ")) {
      if (column + word.length() > width && column > indent.length()) {
        out.append('\n').append(indent);
        column = indent.length();
      } else if (column > indent.length()) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    return out.toString();
  }
}
