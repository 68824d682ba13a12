/**
 * Seeded, streamed data sets for the spec and the benchmarks, and readers for them.
 *
 * <p>Why: every suite and benchmark needs inputs that are skewed like real data (Zipf words, hot
 * keys, late events, TeraSort rows), reproducible from a seed so a failure can be replayed, and
 * large enough to measure, so nothing here holds a whole data set in memory. Generators are
 * immutable descriptions: each call to {@code lines()}, {@code pairs()}, {@code events()} or
 * {@code writeTo(...)} starts again from the seed and yields the same bytes.
 *
 * <p>Readers report a malformed line as {@code file:line: field: problem}
 * ({@link org.bigdatalab.spi.InputFormatException}) or, when asked to skip, set the line aside
 * with its reason; they never drop a line silently.
 */
package org.bigdatalab.workloads;
