package org.bigdatalab.property;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A property: the method runs once per generated case, its {@code @ForAll} parameters drawn anew each time; a failure is shrunk and reported with its seed and minimal input. */
@Test
@ExtendWith(PropertyExtension.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
public @interface Property {
  /** Cases to check; 0 takes the class's {@link PropertyDefaults} or the build's {@code bigdatalab.tries}. */
  int tries() default 0;

  /** Seconds of generation before the property stops and reports how many cases ran; 0 takes {@code bigdatalab.seconds}. */
  int seconds() default 0;
}
