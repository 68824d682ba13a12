package org.bigdatalab.property;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.annotation.Inherited;

/** Tries for the properties of a class (and its subclasses) that do not fix their own. */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
public @interface PropertyDefaults {
  int tries();

  /**
   * A system property that, when set, overrides {@link #tries()}: how a build profile raises a
   * module's tries where an annotation cannot follow it (e.g. {@code dfs.hdfs.tries}).
   */
  String triesProperty() default "";
}
