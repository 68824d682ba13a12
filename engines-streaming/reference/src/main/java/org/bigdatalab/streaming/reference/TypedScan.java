package org.bigdatalab.streaming.reference;

import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamFns;

/**
 * A slice of a typed batch that every shard reads for itself (for a {@link TumblingCount}): each
 * shard takes each event's time and key, counts its own keys, and raises its watermark after each
 * event exactly as the driver would ({@code time - bound}), so all shards see the same rises at the
 * same places, as with lines. {@code watermark} is the driver's before the batch: the first slice
 * ({@code from == 0}) starts from it, each later one from where the shard's previous slice ended.
 * The driver only marks slices out and reads no event; it learns the watermark after the batch
 * from the shards ({@link Shards#scanned}). No per-event array is written or handed over.
 */
record TypedScan<T>(ScriptedSource.Events<T> batch, int from, int to, long watermark, long bound,
                    StreamFns.Timestamp<T> time, StreamFns.LongKey<T> key) {}
