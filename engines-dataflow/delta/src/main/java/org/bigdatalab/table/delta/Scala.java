package org.bigdatalab.table.delta;

import java.util.List;
import scala.jdk.javaapi.CollectionConverters;

/** The few Scala conversions Delta's internal API needs from Java. */
final class Scala {
  private Scala() {}

  static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return CollectionConverters.asScala(list).toList();
  }

  static <T> List<T> list(scala.collection.Seq<T> seq) {
    return CollectionConverters.asJava(seq);
  }

  static <T> scala.Option<T> none() {
    return scala.Option.empty();
  }

  static <T> scala.Option<T> some(T value) {
    return scala.Option.apply(value);
  }
}
