package org.bigdatalab.log.kafka;

import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.spec.LogSpec;
import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;

/**
 * The event log spec against {@code kafka} as the registry makes it with no options: an embedded
 * KRaft broker of its own (2-5 s to start). A case creates a topic and makes tens of round trips
 * (each append waited for, each read a ListOffsets and a fetch, each commit an admin call), so
 * properties run 10 cases each ({@code kafka.log.tries} to change it); {@code log.durable} is
 * declared unsupported and shows as skipped with the reason.
 */
@PropertyDefaults(tries = 10, triesProperty = "kafka.log.tries")
class KafkaLogConformanceTest extends LogSpec {
  @Override
  protected EventLog createEngine() {
    return (EventLog) new KafkaLogProvider().create(EngineOptions.NONE);
  }
}
