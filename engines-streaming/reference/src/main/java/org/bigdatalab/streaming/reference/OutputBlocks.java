package org.bigdatalab.streaming.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * A stateless range's outputs in arrival order, appended to small arrays rather than one large one.
 * Why: under G1 a reference stored into a young, small array costs a plain store, while a million
 * stores into one array of a megabyte or more (allocated old, as a humongous object) each pay the
 * collector's full write barrier, a memory fence included; the blocks are joined at the end with
 * bulk copies, which G1 marks a range at a time.
 */
final class OutputBlocks<R> {
  private static final int BLOCK = 16_384;
  private final List<Object[]> full = new ArrayList<>();
  private Object[] current = new Object[BLOCK];
  private int used;
  private int size;

  void add(R output) {
    if (used == BLOCK) {
      full.add(current);
      current = new Object[BLOCK];
      used = 0;
    }
    current[used++] = output;
    size++;
  }

  int size() { return size; }

  /** Copies the outputs into {@code to} from {@code at}; returns the index after the last. */
  int copyTo(Object[] to, int at) {
    for (Object[] block : full) {
      System.arraycopy(block, 0, to, at, BLOCK);
      at += BLOCK;
    }
    System.arraycopy(current, 0, to, at, used);
    return at + used;
  }
}
