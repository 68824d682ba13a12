package org.bigdatalab.property;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A parameter drawn for each case: by the {@link Provide} method named {@code value}, or from its type and constraints. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER})
public @interface ForAll {
  /** The name of a method of the test class that returns the {@link Arbitrary}; empty to go by the type. */
  String value() default "";
}
