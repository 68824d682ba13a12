package org.bigdatalab.spi;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;

/**
 * How values of one type travel: in binary between tasks (spills, shuffles, a real engine's wire
 * format) and as text in output files. {@code fromText(toText(v))} equals {@code v}; the text form
 * never contains a tab or a line break, so it fits one field of a tab-separated line.
 */
public interface Codec<T> extends Serializable {

  void write(T value, DataOutput out) throws IOException;

  T read(DataInput in) throws IOException;

  String toText(T value);

  T fromText(String text);

  /** A name for messages, e.g. {@code string} or {@code pair(string,long)}. */
  String name();
}
