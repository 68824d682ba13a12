package org.bigdatalab.table.iceberg;

import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.spec.TableSpec;

/**
 * Runs the table spec against {@code iceberg} on local[2]. Two cases a property (-Diceberg.tries=N for
 * more): a MERGE is several Spark jobs, and the rules under test are Iceberg's own, not this
 * adapter's loops.
 */
@PropertyDefaults(tries = 2, triesProperty = "iceberg.tries")
class IcebergConformanceTest extends TableSpec {
  @Override protected TableEngine createEngine() { return SharedEngine.get(); }
  @Override protected boolean ownsEngine() { return false; }
}
