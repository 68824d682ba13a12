package org.bigdatalab.streaming.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * A stateless range's outputs in arrival order, appended to small arrays rather than one large one.
 * Why: under G1 a reference stored into a young, small array costs a plain store, while a million
 * stores into one array of a megabyte or more (allocated old, as a humongous object) each pay the
 * collector's full write barrier, a memory fence included; the blocks are joined at the end with
 * bulk copies, which G1 marks a range at a time, into an {@link ArrayList}, the one list
 * {@link org.bigdatalab.streaming.StatelessResult} takes over with a single copy (from any other
 * it makes two: {@code toArray}, then a copy of that).
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

  /** Appends the outputs to {@code to}, a block at a time. */
  @SuppressWarnings("unchecked")
  void addTo(List<? super R> to) {
    for (Object[] block : full) {
      to.addAll((List<R>) java.util.Arrays.asList(block));
    }
    to.addAll((List<R>) java.util.Arrays.asList(current).subList(0, used));
  }
}
