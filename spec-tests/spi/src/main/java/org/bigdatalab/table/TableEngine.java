package org.bigdatalab.table;

import java.io.IOException;
import java.time.Clock;
import org.bigdatalab.spi.Engine;

/**
 * A table format engine: it creates tables. Engines that can take their commit times from a
 * {@link Clock} do (the suite scripts it, so time travel and vacuum run without waiting); engines
 * on a real system's clock ignore it, and the suite reads commit times from
 * {@link Table#history()} and the vacuum's horizon instead of assuming them.
 */
public interface TableEngine extends Engine {

  /** Where a schema is enforced: when records are written, or only when they are read. */
  enum SchemaMode { ON_WRITE, ON_READ }

  /** Creates an empty table (version 0). The name is unique within the engine; lower-case letters, digits, '-' and '_'. */
  Table create(String name, TableSchema schema, Clock clock) throws IOException;

  default SchemaMode schemaMode() {
    return SchemaMode.ON_WRITE;
  }
}
