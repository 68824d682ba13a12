package org.bigdatalab.workloads;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.InputFormatException;

/**
 * Reads a UTF-8 text file one record per line, streaming, and knows where it is: a subclass
 * parses one line and throws {@link BadRecordException} naming the field; this class adds the
 * file and the 1-based line number. Under {@link BadLinePolicy#FAIL} the first bad line throws
 * {@link InputFormatException} ({@code file:line: field: problem}); under
 * {@link BadLinePolicy#SKIP} it is kept in {@link #badLines()} and reading goes on. Either way,
 * every line is a returned record or a reported bad line.
 *
 * <p>Lines end in {@code \n} or {@code \r\n}. A line of a file that is not valid UTF-8 is a bad
 * line like any other (field {@code line}, problem {@code not valid UTF-8}; its text is kept
 * with U+FFFD in place of the bad bytes).
 *
 * @param <T> the record type
 */
public abstract class LineRecordReader<T> implements Iterator<T>, Closeable {
  private static final int QUOTE_LIMIT = 60;

  private final BufferedReader chars; // exactly one of chars and bytes is set
  private final Utf8Lines bytes;
  private final String file;
  private final BadLinePolicy policy;
  private final List<BadLine> badLines = new ArrayList<>();
  private long lineNumber;
  private long records;
  private T pending;

  /** Reads {@code file}; messages name it as {@code file.toString()}. */
  protected LineRecordReader(Path file, BadLinePolicy policy) throws IOException {
    this(null, new Utf8Lines(Files.newInputStream(file)), file.toString(), policy);
  }

  /** Reads {@code in}; messages name it {@code fileName}. */
  protected LineRecordReader(Reader in, String fileName, BadLinePolicy policy) {
    this(in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16), null, fileName,
        policy);
  }

  private LineRecordReader(BufferedReader chars, Utf8Lines bytes, String fileName,
      BadLinePolicy policy) {
    this.chars = chars;
    this.bytes = bytes;
    this.file = Objects.requireNonNull(fileName, "fileName");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Parses one line (without its line terminator). */
  protected abstract T parse(String line) throws BadRecordException;

  @Override
  public boolean hasNext() {
    while (pending == null) {
      String line = readLine();
      if (line == null) {
        return false;
      }
      try {
        if (bytes != null && bytes.malformed()) {
          throw new BadRecordException("line", "not valid UTF-8");
        }
        pending = Objects.requireNonNull(parse(line), "parse returned null");
      } catch (BadRecordException e) {
        if (policy == BadLinePolicy.FAIL) {
          throw InputFormatException.at(file, lineNumber, e);
        }
        badLines.add(new BadLine(file, lineNumber, e.field(), e.problem(), line));
      }
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T record = pending;
    pending = null;
    records++;
    return record;
  }

  /** The remaining good records as a stream; closing the stream closes this reader. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::closeUnchecked);
  }

  /** The remaining good records in a list (for small files and tests). */
  public List<T> readAll() {
    List<T> all = new ArrayList<>();
    forEachRemaining(all::add);
    return all;
  }

  /** The lines set aside so far, in file order (empty under FAIL). */
  public List<BadLine> badLines() {
    return Collections.unmodifiableList(badLines);
  }

  public long badLineCount() {
    return badLines.size();
  }

  /** Good records returned so far. */
  public long recordCount() {
    return records;
  }

  /** Lines read so far: returned, pending or set aside. */
  public long linesRead() {
    return lineNumber;
  }

  public String file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    if (chars != null) {
      chars.close();
    } else {
      bytes.close();
    }
  }

  /** {@code "text"} with control characters escaped and long text cut, for messages. */
  protected static String quote(String text) {
    StringBuilder sb = new StringBuilder("\"");
    int end = Math.min(text.length(), QUOTE_LIMIT);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < ' ' || c == 127) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
    if (text.length() > end) {
      sb.append(" (").append(text.length() - end).append(" more chars)");
    }
    return sb.toString();
  }

  private String readLine() {
    try {
      String line = chars != null ? chars.readLine() : bytes.readLine();
      if (line != null) {
        lineNumber++;
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ":" + (lineNumber + 1) + ": " + e.getMessage(), e);
    }
  }

  private void closeUnchecked() {
    try {
      close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
