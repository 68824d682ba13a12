package org.bigdatalab.streaming;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/** Everything a stateless run emitted: the outputs in arrival order, and the dead letters. */
public record StatelessResult<R>(List<R> outputs, List<DeadLetter> deadLetters) {

  public StatelessResult {
    outputs = immutableCopy(outputs);
    deadLetters = List.copyOf(deadLetters);
  }

  /**
   * An unmodifiable copy without nulls, as {@link List#copyOf}, but made a block at a time
   * ({@link Blocks}): copyOf stores element by element into one array, and for a million outputs
   * that array is a humongous object under G1 (allocated old), whose references to the young
   * outputs every young collection must then follow, as long as the array is not yet found dead:
   * runs that returned a million new objects each paid collections copying all of them.
   */
  private static <R> List<R> immutableCopy(List<R> list) {
    return new Blocks<>(list);
  }

  /**
   * An immutable list kept in arrays of {@value #BLOCK} references (64 KB with compressed
   * references: never humongous), each filled by one bulk copy of a sub-list.
   */
  private static final class Blocks<R> extends AbstractList<R> implements RandomAccess {
    private static final int SHIFT = 14;
    private static final int BLOCK = 1 << SHIFT;
    private final Object[][] blocks;
    private final int size;

    Blocks(List<R> list) {
      size = list.size();
      blocks = new Object[(size + BLOCK - 1) >>> SHIFT][];
      for (int b = 0; b < blocks.length; b++) {
        Object[] block = list.subList(b << SHIFT, Math.min(size, (b + 1) << SHIFT)).toArray();
        for (Object o : block) {
          Objects.requireNonNull(o, "a stateless output is null");
        }
        blocks[b] = block;
      }
    }

    @SuppressWarnings("unchecked")
    @Override
    public R get(int index) {
      Objects.checkIndex(index, size);
      return (R) blocks[index >>> SHIFT][index & (BLOCK - 1)];
    }

    @Override
    public int size() { return size; }
  }
}
