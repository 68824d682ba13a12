package org.bigdatalab.spi;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Codecs for the types the spec's jobs use. {@link #STRING}, {@link #LONG} and {@link #INT} stay one
 * instance each through Java serialization (a job travels to Hadoop's tasks that way), so an engine
 * may test {@code codec == Codecs.STRING} to read their bytes itself.
 */
public final class Codecs {
  private Codecs() {}

  /** UTF-8 strings; tabs, line breaks and backslashes are escaped in the text form. */
  public static final Codec<String> STRING = new Codec<>() {
    private static final long serialVersionUID = 1L;

    @Override public void write(String value, DataOutput out) throws IOException {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
    }

    @Override public String read(DataInput in) throws IOException {
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override public String toText(String value) { return TextEscapes.escape(value); }
    @Override public String fromText(String text) { return TextEscapes.unescape(text); }
    @Override public String name() { return "string"; }

    /** One instance after deserialization too, so an engine can recognise it by identity. */
    private Object readResolve() { return Codecs.STRING; }
  };

  public static final Codec<Long> LONG = new Codec<>() {
    private static final long serialVersionUID = 1L;

    @Override public void write(Long value, DataOutput out) throws IOException { out.writeLong(value); }
    @Override public Long read(DataInput in) throws IOException { return in.readLong(); }
    @Override public String toText(Long value) { return Long.toString(value); }

    @Override public Long fromText(String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new BadRecordException("long", "not a number: \"" + text + "\"");
      }
    }

    @Override public String name() { return "long"; }

    /** One instance after deserialization too, so an engine can recognise it by identity. */
    private Object readResolve() { return Codecs.LONG; }
  };

  public static final Codec<Integer> INT = new Codec<>() {
    private static final long serialVersionUID = 1L;

    @Override public void write(Integer value, DataOutput out) throws IOException { out.writeInt(value); }
    @Override public Integer read(DataInput in) throws IOException { return in.readInt(); }
    @Override public String toText(Integer value) { return Integer.toString(value); }

    @Override public Integer fromText(String text) {
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new BadRecordException("int", "not a number: \"" + text + "\"");
      }
    }

    @Override public String name() { return "int"; }

    /** One instance after deserialization too, so an engine can recognise it by identity. */
    private Object readResolve() { return Codecs.INT; }
  };

  /** A pair; its text form joins the two parts' text forms with a {@code '|'} (escaped inside parts). */
  public static <A, B> Codec<Pair<A, B>> pair(Codec<A> first, Codec<B> second) {
    return new PairCodec<>(first, second);
  }

  private record PairCodec<A, B>(Codec<A> first, Codec<B> second) implements Codec<Pair<A, B>> {
    private static final long serialVersionUID = 1L;

    @Override public void write(Pair<A, B> value, DataOutput out) throws IOException {
      first.write(value.first(), out);
      second.write(value.second(), out);
    }

    @Override public Pair<A, B> read(DataInput in) throws IOException {
      A a = first.read(in);
      return Pair.of(a, second.read(in));
    }

    @Override public String toText(Pair<A, B> value) {
      return TextEscapes.escapeBar(first.toText(value.first())) + "|" + TextEscapes.escapeBar(second.toText(value.second()));
    }

    @Override public Pair<A, B> fromText(String text) {
      int bar = TextEscapes.unescapedBar(text);
      if (bar < 0) {
        throw new BadRecordException(name(), "no '|' between the two parts: \"" + text + "\"");
      }
      return Pair.of(first.fromText(TextEscapes.unescapeBar(text.substring(0, bar))),
          second.fromText(TextEscapes.unescapeBar(text.substring(bar + 1))));
    }

    @Override public String name() { return "pair(" + first.name() + "," + second.name() + ")"; }
  }
}
