package org.bigdatalab.suite;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property or example as a check of one clause. The matrix maps test results to clauses
 * through this annotation; the method's name starts with {@code required_} or {@code optional_}
 * followed by the clause id with dots and dashes as underscores (checked by {@link SuiteLint}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Verifies {
  /** The clause id, e.g. {@code mapreduce.combiner.transparent}. */
  String value();
}
