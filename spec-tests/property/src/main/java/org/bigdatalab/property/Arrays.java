package org.bigdatalab.property;

import java.lang.reflect.Array;
import java.util.List;

/** Turns a generated list into an array of the requested (possibly primitive) component type. */
final class Arrays {
  private Arrays() {}

  static <A> A toArray(List<?> list, Class<A> type) {
    Object array = Array.newInstance(type.getComponentType(), list.size());
    for (int i = 0; i < list.size(); i++) {
      Array.set(array, i, list.get(i));
    }
    return type.cast(array);
  }
}
