package org.bigdatalab.cap.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.spi.BadRecordException;

/**
 * The part of EDN that Jepsen and Knossos histories use: maps, vectors, lists, keywords, integers,
 * strings, nil, booleans and symbols, with commas as white space, {@code ;} comments and
 * {@code #tag} prefixes skipped (Jepsen writes {@code #jepsen.history.Op{...}}). Every form
 * remembers the line it starts on, so a reader can say where a problem is.
 */
final class Edn {
  /** A keyword such as {@code :invoke}, without its colon. */
  record Keyword(String name) {
    @Override public String toString() { return ":" + name; }
  }

  /** A symbol such as {@code foo}; Jepsen histories rarely have any. */
  record Symbol(String name) {
    @Override public String toString() { return name; }
  }

  /** A top-level form and the line it starts on. */
  record Form(Object value, int line) {}

  /** A map that remembers the line it starts on: a history's operations are maps, and errors name their line. */
  static final class LineMap extends LinkedHashMap<Object, Object> {
    private static final long serialVersionUID = 1L;
    final int line;

    LineMap(int line) {
      this.line = line;
    }
  }

  /** A syntax problem at a line; the reader adds the file name. */
  static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;

    SyntaxError(int line, String problem) {
      super(problem);
      this.line = line;
    }
  }

  private final String text;
  private int pos;
  private int line = 1;

  private Edn(String text) {
    this.text = text;
  }

  /** Every top-level form of the text. */
  static List<Form> readAll(String text) {
    Edn reader = new Edn(text);
    List<Form> forms = new ArrayList<>();
    while (reader.skipSpace()) {
      int at = reader.line;
      forms.add(new Form(reader.read(), at));
    }
    return forms;
  }

  /** Skips white space, commas and comments; false at the end of the text. */
  private boolean skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        line++;
        pos++;
      } else if (Character.isWhitespace(c) || c == ',') {
        pos++;
      } else if (c == ';') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return true;
      }
    }
    return false;
  }

  private Object read() {
    if (!skipSpace()) {
      throw new SyntaxError(line, "unexpected end of input");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        pos++;
        return readMap();
      case '[':
      case '(':
        pos++;
        return readSequence(c == '[' ? ']' : ')');
      case '"':
        pos++;
        return readString();
      case '#':
        pos++;
        if (pos < text.length() && (text.charAt(pos) == '{' || text.charAt(pos) == '_')) {
          throw new SyntaxError(line, "sets and discarded forms are not part of a history");
        }
        readToken(); // a tag such as jepsen.history.Op: the form after it is what counts
        return read();
      case '}':
      case ']':
      case ')':
        throw new SyntaxError(line, "unexpected '" + c + "'");
      default:
        return atom(readToken());
    }
  }

  private Map<Object, Object> readMap() {
    int start = line;
    LineMap map = new LineMap(start);
    while (true) {
      if (!skipSpace()) {
        throw new SyntaxError(start, "map not closed");
      }
      if (text.charAt(pos) == '}') {
        pos++;
        return map;
      }
      Object key = read();
      if (!skipSpace() || text.charAt(pos) == '}') {
        throw new SyntaxError(line, "map key " + key + " without a value");
      }
      map.put(key, read());
    }
  }

  private List<Object> readSequence(char close) {
    List<Object> items = new ArrayList<>();
    int start = line;
    while (true) {
      if (!skipSpace()) {
        throw new SyntaxError(start, (close == ']' ? "vector" : "list") + " not closed");
      }
      if (text.charAt(pos) == close) {
        pos++;
        return items;
      }
      items.add(read());
    }
  }

  private String readString() {
    StringBuilder b = new StringBuilder();
    int start = line;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\n') {
        line++;
      }
      if (c == '\\' && pos < text.length()) {
        char e = text.charAt(pos++);
        b.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> e;
        });
      } else {
        b.append(c);
      }
    }
    throw new SyntaxError(start, "string not closed");
  }

  private String readToken() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c) || c == ',' || "{}[]()\";".indexOf(c) >= 0) {
        break;
      }
      pos++;
    }
    if (start == pos) {
      throw new SyntaxError(line, "unexpected '" + text.charAt(pos) + "'");
    }
    return text.substring(start, pos);
  }

  private Object atom(String token) {
    if (token.startsWith(":")) {
      if (token.length() == 1) {
        throw new SyntaxError(line, "a keyword needs a name");
      }
      return new Keyword(token.substring(1));
    }
    switch (token) {
      case "nil":
        return null;
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        break;
    }
    char first = token.charAt(0);
    if (Character.isDigit(first) || ((first == '-' || first == '+') && token.length() > 1 && Character.isDigit(token.charAt(1)))) {
      try {
        return Long.parseLong(token.endsWith("N") ? token.substring(0, token.length() - 1) : token);
      } catch (NumberFormatException e) {
        throw new SyntaxError(line, "not an integer: " + token);
      }
    }
    return new Symbol(token);
  }

  /** Reads a field as a keyword's name, e.g. {@code :invoke} as {@code invoke}. */
  static String keywordName(Object value, String field) {
    if (value instanceof Keyword k) {
      return k.name();
    }
    throw new BadRecordException(field, "expected a keyword, got " + show(value));
  }

  static String show(Object value) {
    if (value instanceof String s) {
      return '"' + s + '"';
    }
    if (value instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      l.forEach(v -> b.append(b.length() > 1 ? " " : "").append(show(v)));
      return b.append(']').toString();
    }
    return String.valueOf(value == null ? "nil" : value);
  }
}
