package org.bigdatalab.workloads;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * TeraSort input: 100-byte records with a random 10-byte key, laid out like gensort's ASCII
 * mode ({@code gensort -a}), the format of the sort benchmark and of Hadoop's TeraGen/TeraSort.
 *
 * <p>Record {@code i} is: 10 key bytes, each uniform in {@code ' '..'~'} (95 printable chars);
 * two spaces; {@code i} as 32 upper-case hex digits; two spaces; 52 filler bytes (13 groups of
 * four equal letters, {@code 'A' + (i + g) % 26}); {@code "\r\n"}. So the key is bytes 0–9 and
 * the value bytes 10–99, and a sorted output can be checked for lost or duplicated rows by the
 * row ids.
 *
 * <p>Why blocks: rows are generated in blocks of {@link #ROWS_PER_BLOCK}; block {@code b} draws
 * from the seeded XoRoShiRo128++ after {@code b} jumps of 2^64 steps, so blocks never share
 * random numbers and any row can be produced without the rows before its block. That is what
 * lets {@link WorkloadFiles#writeTeraParallel} write one file from several threads and still
 * produce the same bytes as a single thread.
 *
 * <pre>{@code
 * var tera = new TeraRecordGenerator(42L);
 * byte[] row7 = tera.record(7);
 * // "\\VIq%bx~MN  00000000000000000000000000000007  HHHHIIIIJJJJ...SSSSTTTT\r\n"
 * WorkloadFiles.writeTeraParallel(Path.of("tera.dat"), tera, 10_000_000, 4);   // 1 GB
 * }</pre>
 */
public final class TeraRecordGenerator implements LineWorkload {
  public static final int RECORD_BYTES = 100;
  public static final int KEY_BYTES = 10;
  public static final int VALUE_BYTES = RECORD_BYTES - KEY_BYTES;
  /** Rows per independently seeded block. */
  public static final long ROWS_PER_BLOCK = 1L << 16;

  private static final int PRINTABLE = 95; // ' ' (32) .. '~' (126)
  private static final long HALF_KEY_SPACE = 7_737_809_375L; // 95^5: five key chars per draw
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final long seed;

  public TeraRecordGenerator(long seed) {
    this.seed = seed;
  }

  /** Record {@code row} on its own (cost grows with {@code row / ROWS_PER_BLOCK} jumps). */
  public byte[] record(long row) {
    byte[] rec = new byte[RECORD_BYTES];
    new Cursor(row).next(rec, 0);
    return rec;
  }

  /** Writes rows {@code firstRow .. firstRow + rowCount - 1}, 100 bytes each; flushes. */
  public void writeRows(OutputStream out, long firstRow, long rowCount) throws IOException {
    AsciiBuffer buf = new AsciiBuffer(out);
    Cursor cursor = new Cursor(firstRow);
    for (long i = 0; i < rowCount; i++) {
      buf.reserve(RECORD_BYTES);
      cursor.next(buf.array(), buf.position());
      buf.advance(RECORD_BYTES);
    }
    buf.flush();
  }

  /** Writes rows from 0 until at least {@code targetBytes}: {@code ceil(targetBytes / 100)} rows. */
  @Override
  public long writeTo(OutputStream out, long targetBytes) throws IOException {
    long rows = Math.max(0, (targetBytes + RECORD_BYTES - 1) / RECORD_BYTES);
    writeRows(out, 0, rows);
    return rows * RECORD_BYTES;
  }

  /** Walks rows in order from a start row, switching to the next block's generator as it goes. */
  private final class Cursor {
    private final JumpableUniformRandomProvider blocks;
    private UniformRandomProvider rng;
    private long row;
    private long nextBlockStart;

    Cursor(long firstRow) {
      if (firstRow < 0) {
        throw new IllegalArgumentException("row must be >= 0, got " + firstRow);
      }
      long block = firstRow / ROWS_PER_BLOCK;
      blocks = Seeds.jumpable(seed);
      for (long b = 0; b < block; b++) {
        blocks.jump();
      }
      rng = blocks.jump(); // a copy at block b; blocks moves on to b + 1
      row = block * ROWS_PER_BLOCK;
      nextBlockStart = row + ROWS_PER_BLOCK;
      while (row < firstRow) { // same draws as writing the skipped rows
        rng.nextLong(HALF_KEY_SPACE);
        rng.nextLong(HALF_KEY_SPACE);
        row++;
      }
    }

    /** Writes the current row's 100 bytes at {@code dst[off]} and moves to the next row. */
    void next(byte[] dst, int off) {
      if (row == nextBlockStart) {
        rng = blocks.jump();
        nextBlockStart += ROWS_PER_BLOCK;
      }
      putKeyChars(rng.nextLong(HALF_KEY_SPACE), dst, off);
      putKeyChars(rng.nextLong(HALF_KEY_SPACE), dst, off + 5);
      dst[off + 10] = ' ';
      dst[off + 11] = ' ';
      for (int i = 0; i < 16; i++) {
        dst[off + 12 + i] = '0';
      }
      long id = row;
      for (int i = 43; i >= 28; i--) {
        dst[off + i] = HEX[(int) (id & 0xF)];
        id >>>= 4;
      }
      dst[off + 44] = ' ';
      dst[off + 45] = ' ';
      int letter = (int) (row % 26);
      for (int g = 0; g < 13; g++) {
        byte c = (byte) ('A' + (letter + g) % 26);
        int at = off + 46 + 4 * g;
        dst[at] = c;
        dst[at + 1] = c;
        dst[at + 2] = c;
        dst[at + 3] = c;
      }
      dst[off + 98] = '\r';
      dst[off + 99] = '\n';
      row++;
    }

    private void putKeyChars(long v, byte[] dst, int at) {
      for (int i = 0; i < 5; i++) {
        dst[at + i] = (byte) (' ' + (int) (v % PRINTABLE));
        v /= PRINTABLE;
      }
    }
  }
}
