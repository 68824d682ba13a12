package org.bigdatalab.streaming.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * A stateless range's outputs in arrival order, appended to small arrays rather than one large one.
 * Why: under G1 a reference stored into a young, small array costs a plain store, while a million
 * stores into one array of a megabyte or more (allocated old, as a humongous object) each pay the
 * collector's full write barrier, a memory fence included. At the end the blocks are joined by a
 * list view over them ({@link Joined}), which the result copies block by block: no array of a
 * million references is made here.
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

  /** The outputs' blocks in order, the last one cut to its used length, for {@link Joined}. */
  List<Object[]> blocks() {
    List<Object[]> blocks = new ArrayList<>(full);
    blocks.add(java.util.Arrays.copyOf(current, used));
    return blocks;
  }

  /**
   * The blocks of several ranges read as one list, without copying them into one array (which for a
   * million outputs would be a humongous one; see {@link org.bigdatalab.streaming.StatelessResult}).
   * Read in order, as the result's copy does, each {@link #get} stays in the block of the last one.
   */
  static final class Joined<R> extends java.util.AbstractList<R> implements java.util.RandomAccess {
    private final Object[][] blocks;
    private final int[] starts;
    private final int size;
    private int last;

    Joined(List<Object[]> blocks) {
      this.blocks = blocks.toArray(new Object[0][]);
      starts = new int[this.blocks.length + 1];
      for (int b = 0; b < this.blocks.length; b++) {
        starts[b + 1] = starts[b] + this.blocks[b].length;
      }
      size = starts[this.blocks.length];
    }

    @SuppressWarnings("unchecked")
    @Override
    public R get(int index) {
      java.util.Objects.checkIndex(index, size);
      int b = last;
      if (index < starts[b] || index >= starts[b + 1]) {
        b = java.util.Arrays.binarySearch(starts, index);
        b = b >= 0 ? b : -b - 2;
        while (starts[b + 1] == index) { // skip empty blocks
          b++;
        }
        last = b;
      }
      return (R) blocks[b][index - starts[b]];
    }

    @Override
    public int size() { return size; }
  }
}
