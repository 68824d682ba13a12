package org.bigdatalab.streaming.reference;

import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamFns;

/**
 * A slice {@code [from, to)} of a typed batch for a {@link TumblingCount}, as the driver hands it
 * to the shards ({@link Shards#keyed}): the watermark before the slice, the out-of-orderness bound,
 * and the job's time and key functions (or, where they declare fields the batch has columns of,
 * those columns: {@link KeyedSlice#fill}).
 */
record TypedScan<T>(ScriptedSource.Events<T> batch, int from, int to, long watermark, long bound,
                    StreamFns.Timestamp<T> time, StreamFns.LongKey<T> key) {}
