package org.bigdatalab.table;

/** The types a column may have. Values are Java {@link Long}s and {@link String}s, never other numbers. */
public enum ColumnType {
  LONG(Long.class),
  STRING(String.class);

  private final Class<?> javaType;

  ColumnType(Class<?> javaType) {
    this.javaType = javaType;
  }

  public boolean accepts(Object value) { return javaType.isInstance(value); }
}
