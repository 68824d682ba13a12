package org.bigdatalab.mapreduce;

import java.io.Serializable;

/**
 * The map function. Input is always text, one call per line, as with Hadoop's TextInputFormat:
 * the byte offset of the line in its file and the line without its line break. Serializable, so a
 * real engine can ship it to its tasks. A malformed line is reported by throwing
 * {@link org.bigdatalab.spi.BadRecordException}; the engine adds the file and line.
 */
@FunctionalInterface
public interface Mapper<K, V> extends Serializable {
  void map(long offset, String line, Collector<K, V> out) throws Exception;
}
