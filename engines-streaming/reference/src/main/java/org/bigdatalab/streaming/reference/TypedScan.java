package org.bigdatalab.streaming.reference;

import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamFns;

/**
 * A slice of a typed batch that every shard reads for itself (for a {@link TumblingCount}): each
 * shard takes each event's time and key, counts its own keys, and raises its watermark after each
 * event exactly as the driver does ({@code time - bound}, from the watermark before the slice), so
 * all shards see the same rises at the same places, as with lines. The driver only marks slices out
 * and works out the watermark after each: no per-event array is written or handed over.
 */
record TypedScan<T>(ScriptedSource.Events<T> batch, int from, int to, long watermark, long bound,
                    StreamFns.Timestamp<T> time, StreamFns.LongKey<T> key) {}
