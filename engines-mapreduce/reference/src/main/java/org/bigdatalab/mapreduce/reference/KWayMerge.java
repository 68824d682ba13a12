package org.bigdatalab.mapreduce.reference;

import java.io.Closeable;
import java.io.IOException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.bigdatalab.mapreduce.Collector;
import org.bigdatalab.mapreduce.Reducer;
import org.bigdatalab.mapreduce.KeyComparator;
import org.bigdatalab.spi.Codec;
import org.bigdatalab.spi.Codecs;
import org.bigdatalab.spi.Utf8Order;

/**
 * Merges sorted {@link SpillSegment}s into one sorted stream with a binary heap (a priority queue
 * whose top is replaced in place). Order: the job's sort comparator on the decoded keys, ties to
 * the segment with the lower index, so merging runs listed in input order is stable: equal keys
 * keep the order the map tasks emitted them in, as the oracle's stable sort keeps it.
 *
 * <p>{@link #reduceGroups} cuts the stream into groups and streams each group's values to a
 * reducer (or combiner) without holding them: values are decoded one at a time, and a group can
 * be iterated once, as in Hadoop.
 *
 * <p>String keys in their natural order are merged as their UTF-8 bytes ({@link Utf8Order}), as
 * the sort buffer sorted them: a key is decoded only when a reducer is handed it, and a natural
 * grouping compares the bytes of a group's first key with each next key's.
 */
final class KWayMerge<K> implements Closeable {
  private final Codec<K> keyCodec;
  private final Comparator<? super K> order;
  private final SpillSegment[] heap;
  private final List<SpillSegment> all;
  private int size;
  private boolean started;
  private long consumed;
  /** String keys in natural order: compared as bytes and decoded only for {@link #key()}. */
  private final boolean bytewise;

  /** Reads the first record of every segment; the merge owns (closes) the segments. */
  KWayMerge(List<SpillSegment> segments, Codec<K> keyCodec, Comparator<? super K> order) throws IOException {
    this.keyCodec = keyCodec;
    this.order = order;
    this.all = segments;
    this.heap = new SpillSegment[segments.size()];
    this.bytewise = (Object) keyCodec == Codecs.STRING && (Object) order == KeyComparator.natural();
    for (SpillSegment s : segments) {
      if (s.next()) {
        s.key = bytewise ? null : s.decodeKey(keyCodec);
        heap[size++] = s;
      }
    }
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  /** Moves to the next record in merged order; false when every segment is done. */
  boolean advance() throws IOException {
    if (!started) {
      started = true;
      return size > 0;
    }
    if (size == 0) {
      return false;
    }
    SpillSegment top = heap[0];
    if (top.next()) {
      top.key = bytewise ? null : top.decodeKey(keyCodec);
    } else {
      heap[0] = heap[--size];
      heap[size] = null;
    }
    if (size > 1) {
      siftDown(0);
    }
    return size > 0;
  }

  /** The segment holding the current record (its key and value bytes). */
  SpillSegment current() {
    return heap[0];
  }

  @SuppressWarnings("unchecked")
  K key() throws IOException {
    SpillSegment top = heap[0];
    if (top.key == null) {
      top.key = top.decodeKey(keyCodec);
    }
    return (K) top.key;
  }

  /** Records handed out by {@link #reduceGroups} so far, read or skipped. */
  long consumed() {
    return consumed;
  }

  /**
   * Calls {@code fn} once per run of records whose keys are equal under {@code grouping}, with the
   * run's first key and its values; returns the number of calls. {@code check} runs before each
   * call (it throws to stop the merge when the job is aborted).
   */
  <V, KO, VO> long reduceGroups(Comparator<? super K> grouping, Codec<V> valueCodec, Reducer<K, V, KO, VO> fn,
      Collector<KO, VO> out, Runnable check) throws Exception {
    long groups = 0;
    boolean more = advance();
    while (more) {
      check.run();
      Group<V> group = new Group<>(key(), grouping, valueCodec);
      fn.reduce(group.first, group, out);
      more = group.drain();
      groups++;
    }
    return groups;
  }

  /** The values of one group, decoded as the reducer asks for them. */
  private final class Group<V> implements Iterable<V>, Iterator<V> {
    private final K first;
    private final Comparator<? super K> grouping;
    private final Codec<V> valueCodec;
    private boolean pending = true;
    private boolean done;
    private boolean endOfInput;
    private boolean iterated;
    /** The first key's bytes, where the grouping is the natural order of string keys merged bytewise. */
    private final byte[] firstBytes;

    Group(K first, Comparator<? super K> grouping, Codec<V> valueCodec) {
      this.first = first;
      this.grouping = grouping;
      this.valueCodec = valueCodec;
      SpillSegment top = current();
      this.firstBytes = bytewise && (Object) grouping == KeyComparator.natural()
          ? java.util.Arrays.copyOfRange(top.buf, top.keyOff, top.keyOff + top.keyLen) : null;
    }

    /** Whether the current record's key belongs to this group. */
    private boolean sameGroup() throws IOException {
      if (firstBytes != null) {
        SpillSegment top = current();
        return java.util.Arrays.equals(firstBytes, 0, firstBytes.length, top.buf, top.keyOff, top.keyOff + top.keyLen);
      }
      return grouping.compare(first, key()) == 0;
    }

    @Override
    public Iterator<V> iterator() {
      if (iterated) {
        throw new IllegalStateException("the values of a group are streamed from the merge and can be iterated once");
      }
      iterated = true;
      return this;
    }

    @Override
    public boolean hasNext() {
      if (pending) {
        return true;
      }
      if (done) {
        return false;
      }
      try {
        if (!advance()) {
          endOfInput = true;
          done = true;
          return false;
        }
        if (!sameGroup()) {
          done = true;
          return false;
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      pending = true;
      return true;
    }

    @Override
    public V next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      pending = false;
      consumed++;
      try {
        return current().decodeValue(valueCodec);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** Skips what the reducer left of the group; true when the merge stands on the next group's first record. */
    boolean drain() {
      while (hasNext()) {
        pending = false;
        consumed++;
      }
      return !endOfInput;
    }
  }

  private void siftDown(int i) {
    SpillSegment s = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && less(heap[right], heap[child])) {
        child = right;
      }
      if (!less(heap[child], s)) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = s;
  }

  @SuppressWarnings("unchecked")
  private boolean less(SpillSegment a, SpillSegment b) {
    int c = bytewise ? compareBytes(a, b) : order.compare((K) a.key, (K) b.key);
    return c != 0 ? c < 0 : a.index < b.index;
  }

  /** Two string keys by their UTF-8 bytes, after the codec's 4-byte length. */
  private static int compareBytes(SpillSegment a, SpillSegment b) {
    return Utf8Order.compare(a.buf, a.keyOff + 4, a.keyLen - 4, b.buf, b.keyOff + 4, b.keyLen - 4);
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (SpillSegment s : all) {
      try {
        s.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
