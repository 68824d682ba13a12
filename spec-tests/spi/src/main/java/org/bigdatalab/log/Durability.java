package org.bigdatalab.log;

/**
 * When an engine forces appended bytes to stable storage before acknowledging them: the fsync
 * policy every log declares, so a reader of the matrix knows what {@code log.durable} was checked
 * against. A process crash (kill -9) loses nothing the operating system already has; only a power
 * loss can take unsynced bytes, and the spec's crash is a process crash.
 */
public enum Durability {
  /** Each append is forced to disk before it is acknowledged (Kafka's {@code flush.messages=1}). */
  FSYNC_EVERY_APPEND,
  /** Appends reach the operating system before the acknowledgement and are forced on close (Kafka's default: replication, not fsync). */
  FSYNC_ON_CLOSE,
  /** Nothing reaches a disk: the log lives as long as its process (the oracle). */
  MEMORY_ONLY
}
