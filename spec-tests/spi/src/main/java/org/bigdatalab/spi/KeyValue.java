package org.bigdatalab.spi;

import java.io.Serializable;

/** One output record of a keyed job. */
public record KeyValue<K, V>(K key, V value) implements Serializable {
  public static <K, V> KeyValue<K, V> of(K key, V value) {
    return new KeyValue<>(key, value);
  }

  @Override
  public String toString() {
    return key + "=" + value;
  }
}
