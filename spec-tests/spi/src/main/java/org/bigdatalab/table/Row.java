package org.bigdatalab.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One record, its values in the schema's column order. Values may be null (a nullable column) and
 * are not checked here: {@link TableSchema#check(Row)} does that, so a bad record can be built and
 * handed to a write that must refuse it.
 */
public record Row(List<Object> values) {

  public Row {
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  public static Row of(Object... values) { return new Row(Arrays.asList(values)); }

  public Object get(int index) { return values.get(index); }

  public Row with(int index, Object value) {
    List<Object> copy = new ArrayList<>(values);
    copy.set(index, value);
    return new Row(copy);
  }

  static String show(Object v) {
    return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }

  @Override public String toString() {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(show(values.get(i)));
    }
    return b.append(')').toString();
  }
}
