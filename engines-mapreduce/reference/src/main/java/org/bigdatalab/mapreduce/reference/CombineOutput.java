package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bigdatalab.mapreduce.Collector;
import org.bigdatalab.mapreduce.TaskContext;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.spi.Codec;

/**
 * The combiner's collector, in a sort buffer's spill and in a merge of spills alike: encodes each
 * record with the job's map output codecs straight into the run being written. Every record it
 * writes goes to a file, so it counts as spilled as well as combined. One class serves both, so
 * the {@code emit} call in a combiner sees one collector type there, not two.
 */
final class CombineOutput<K, V> implements Collector<K, V> {
  private final Codec<K> keyCodec;
  private final Codec<V> valueCodec;
  private final long[] counts;
  private final TaskContext task;
  private final SpillBytes.ScratchOut bytes = new SpillBytes.ScratchOut(256);
  private SpillFile.Writer writer;

  CombineOutput(Codec<K> keyCodec, Codec<V> valueCodec, long[] counts, TaskContext task) {
    this.keyCodec = keyCodec;
    this.valueCodec = valueCodec;
    this.counts = counts;
    this.task = task;
  }

  /** Sends the following records to {@code writer} (the spill or merge now being written). */
  CombineOutput<K, V> into(SpillFile.Writer writer) {
    this.writer = writer;
    return this;
  }

  @Override
  public void emit(K key, V value) {
    try {
      writer.write(keyCodec, key, valueCodec, value, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    counts[TaskCounter.COMBINE_OUTPUT_RECORDS.ordinal()]++;
    counts[TaskCounter.SPILLED_RECORDS.ordinal()]++;
  }

  /** A record already encoded with the job's codecs (a sum folded in the sort buffer), counted as {@link #emit} counts. */
  void emitEncoded(byte[] key, int keyOff, int keyLen, byte[] value, int valueOff, int valueLen) {
    try {
      writer.write(key, keyOff, keyLen, value, valueOff, valueLen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    counts[TaskCounter.COMBINE_OUTPUT_RECORDS.ordinal()]++;
    counts[TaskCounter.SPILLED_RECORDS.ordinal()]++;
  }

  @Override
  public TaskContext task() {
    return task;
  }
}
