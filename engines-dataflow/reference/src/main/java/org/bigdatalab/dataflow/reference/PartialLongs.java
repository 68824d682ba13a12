package org.bigdatalab.dataflow.reference;

/** One map task's keys, each with its partial aggregate, however the task held them (an array or a hash table). */
interface PartialLongs {

  /** Keys held. */
  int size();

  /** Calls {@code each} for every key with its long, in the holder's own order. */
  void forEach(Entry each);

  @FunctionalInterface
  interface Entry {
    void accept(int key, long value);
  }
}
