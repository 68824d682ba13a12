package org.bigdatalab.workloads;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * A text corpus whose word frequencies follow Zipf's law, as natural language roughly does: word
 * count, grep and skew experiments need a few very hot words and a long tail, reproducibly.
 *
 * <p>The word of rank {@code r} is {@code r} in bijective base 26 ({@code 1 → "a"}, {@code 26 →
 * "z"}, {@code 27 → "aa"}), so frequent words are short, like real ones, and a count can be
 * checked against {@link #probability(int)} without a dictionary. Each line has
 * {@code wordsPerLine} words separated by one space and ends in {@code '\n'}.
 *
 * <pre>{@code
 * var text = new ZipfTextGenerator(10_000, 1.0, 12, 42L);
 * text.lines().findFirst();   // "ox ko t b ezo dxw mnu e dm a mvw fr"
 * WorkloadFiles.write(Path.of("corpus.txt"), text, 128L << 20);  // ~128 MiB, whole lines
 * }</pre>
 */
public final class ZipfTextGenerator implements LineWorkload {
  /** Longest line, in words: a line is built in the write buffer at up to 8 bytes a word. */
  public static final int MAX_WORDS_PER_LINE = AsciiBuffer.CAPACITY / 8;
  private static final int MAX_WORD_LENGTH = 7; // 26^7 > Integer.MAX_VALUE
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private final Zipf zipf;
  private final int wordsPerLine;
  private final long seed;

  public ZipfTextGenerator(int vocabularySize, double exponent, int wordsPerLine, long seed) {
    if (wordsPerLine < 1 || wordsPerLine > MAX_WORDS_PER_LINE) {
      throw new IllegalArgumentException(
          "wordsPerLine must be in 1.." + MAX_WORDS_PER_LINE + ", got " + wordsPerLine);
    }
    this.zipf = new Zipf(vocabularySize, exponent);
    this.wordsPerLine = wordsPerLine;
    this.seed = seed;
  }

  /** The word of rank {@code rank >= 1}: {@code rank} in bijective base 26, letters a–z. */
  public static String wordForRank(int rank) {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, got " + rank);
    }
    byte[] word = new byte[wordLength(rank)];
    encode(rank, word, 0, word.length);
    return new String(word, StandardCharsets.US_ASCII);
  }

  /** The inverse of {@link #wordForRank}, or -1 if {@code word} is not one (or overflows). */
  public static int rankOfWord(String word) {
    if (word.isEmpty()) {
      return -1;
    }
    long rank = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        return -1;
      }
      rank = rank * 26 + (c - 'a' + 1);
      if (rank > Integer.MAX_VALUE) {
        return -1;
      }
    }
    return (int) rank;
  }

  /** The theoretical probability of the word of {@code rank}: {@code rank^-s / H(n,s)}. */
  public double probability(int rank) {
    return zipf.probability(rank);
  }

  public Zipf law() {
    return zipf;
  }

  /** The infinite sequence of word ranks, in the order the words appear in the text. */
  public IntStream ranks() {
    SharedStateDiscreteSampler sampler = zipf.sampler(Seeds.rng(seed));
    return IntStream.generate(sampler::sample).sequential();
  }

  /** The infinite, ordered sequence of lines (without {@code '\n'}); same text as writeTo. */
  public Stream<String> lines() {
    SharedStateDiscreteSampler sampler = zipf.sampler(Seeds.rng(seed));
    Iterator<String> it = new Iterator<>() {
      private final StringBuilder line = new StringBuilder();

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public String next() {
        line.setLength(0);
        for (int w = 0; w < wordsPerLine; w++) {
          if (w > 0) {
            line.append(' ');
          }
          line.append(wordForRank(sampler.sample()));
        }
        return line.toString();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public long writeTo(OutputStream out, long targetBytes) throws IOException {
    SharedStateDiscreteSampler sampler = zipf.sampler(Seeds.rng(seed));
    AsciiBuffer buf = new AsciiBuffer(out);
    int maxLineBytes = wordsPerLine * (MAX_WORD_LENGTH + 1);
    while (buf.written() < targetBytes) {
      buf.reserve(maxLineBytes);
      buf.advance(writeLine(sampler, buf.array(), buf.position()) - buf.position());
    }
    buf.flush();
    return buf.written();
  }

  /** Writes one line at {@code dst[at]} (room already made); returns the end position. */
  private int writeLine(SharedStateDiscreteSampler sampler, byte[] dst, int at) {
    for (int w = 0; w < wordsPerLine; w++) {
      int rank = sampler.sample();
      if (rank < CachedWords.LIMIT) {
        long packed = CachedWords.PACKED[rank];
        LONGS.set(dst, at, packed); // word, ' ', junk that later bytes overwrite
        at += (int) (packed >>> 56);
      } else {
        int len = wordLength(rank);
        encode(rank, dst, at, len);
        at += len;
        dst[at++] = ' ';
      }
    }
    dst[at - 1] = '\n';
    return at;
  }

  /**
   * The words of the most frequent ranks, each packed in a long with its trailing space and, in
   * the top byte, that length: one fixed-size store per word instead of a loop whose varying
   * length the CPU mispredicts (measured: about 18 ns a word saved).
   */
  private static final class CachedWords {
    static final int LIMIT = 1 << 16; // ranks 1..LIMIT-1, at most 4 letters
    static final long[] PACKED = new long[LIMIT];

    static {
      byte[] word = new byte[8];
      for (int r = 1; r < LIMIT; r++) {
        int len = wordLength(r);
        Arrays.fill(word, (byte) 0);
        encode(r, word, 0, len);
        word[len] = ' ';
        word[7] = (byte) (len + 1);
        PACKED[r] = (long) LONGS.get(word, 0);
      }
    }
  }

  private static int wordLength(int rank) {
    int len = 0;
    for (long r = rank; r > 0; r = (r - 1) / 26) {
      len++;
    }
    return len;
  }

  /** Writes the {@code len}-letter word of {@code rank} into {@code dst} at {@code from}. */
  private static void encode(int rank, byte[] dst, int from, int len) {
    long r = rank;
    for (int i = from + len - 1; i >= from; i--) {
      r--;
      dst[i] = (byte) ('a' + (int) (r % 26));
      r /= 26;
    }
  }
}
