package org.bigdatalab.property.compare;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.bigdatalab.property.Arbitrary;
import org.quicktheories.core.Gen;

/**
 * One property written for both candidates: the same check, and generators as close as the two
 * APIs allow (same ranges, same size limits, same structure).
 *
 * @param name    the case, as in the table
 * @param known   the known-minimal counterexample, as the table states it
 * @param ours    our generator (spec-tests/property)
 * @param qt      QuickTheories' generator
 * @param holds   the property; false (or a throw) is a failure
 * @param size    how big a counterexample is (elements, words, events), for the median column
 * @param minimal whether a counterexample is the known-minimal one
 * @param show    a counterexample, compactly
 */
record Case<T>(String name, String known, Arbitrary<T> ours, Gen<T> qt, Check<T> holds, ToLongFunction<T> size,
               Predicate<T> minimal, Function<T, String> show) {

  /** A property that may throw (the engine cases run engines). */
  @FunctionalInterface
  interface Check<T> {
    boolean test(T input) throws Exception;
  }

  Case<T> showing(Function<T, String> how) {
    return new Case<>(name, known, ours, qt, holds, size, minimal, how);
  }
}
