package org.bigdatalab.table.delta;

import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.spec.TableSpec;

/**
 * Runs the table spec against {@code delta} on local[2]. Two cases a property (-Ddelta.tries=N for more): every step is
 * one or more Spark jobs (a MERGE is five or six, a vacuum two or three), a case of ten steps takes
 * seconds, and the rules under test are Delta's own, not this adapter's loops.
 */
@PropertyDefaults(tries = 2, triesProperty = "delta.tries")
class DeltaTablesConformanceTest extends TableSpec {
  @Override protected TableEngine createEngine() { return SharedEngine.get(); }
  @Override protected boolean ownsEngine() { return false; }
}
