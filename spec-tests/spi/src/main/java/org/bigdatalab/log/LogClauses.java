package org.bigdatalab.log;

import static org.bigdatalab.spi.Clause.Level.OPTIONAL;
import static org.bigdatalab.spi.Clause.Level.REQUIRED;

import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.ClauseCatalogue;
import org.bigdatalab.spi.Topic;

/**
 * The event log clauses: what Lambda and Kappa pipelines rely on when they treat a log as the
 * source of truth. The ids are constants so tests can name them in annotations; {@link #CATALOGUE}
 * is the one place they are described.
 */
public final class LogClauses {
  private LogClauses() {}

  public static final String APPEND_ORDER = "log.append-order";
  public static final String DURABLE = "log.durable";
  public static final String REPLAY = "log.replay";
  public static final String BAD_RECORD = "log.bad-record";

  private static final String KAFKA_DOCS = "Apache Kafka docs: Design (4.1 persistence, 4.6 message delivery semantics), Consumer configs";
  private static final String KREPS = "Kreps, The Log: What every software engineer should know about real-time data's unifying abstraction (2013)";

  public static final ClauseCatalogue CATALOGUE = ClauseCatalogue.of(Topic.LOG,
      new Clause(APPEND_ORDER, Topic.LOG, REQUIRED,
          "Consumers see each partition's records in append order, each offset once, also when they read in chunks and"
              + " resume from a committed position.",
          KREPS + "; " + KAFKA_DOCS,
          "a read that starts at the committed offset + 1 (Kafka commits the next offset), or records of a partition sorted by key or time"),
      new Clause(DURABLE, Topic.LOG, OPTIONAL,
          "After a crash at any point of an append (mid-record included), every acknowledged append is there, in order,"
              + " no torn record is returned, and appends go on at the next offset.",
          KAFKA_DOCS + " (log recovery truncates at the first invalid batch); Pillai et al., All File Systems Are Not"
              + " Created Equal (OSDI 2014)",
          "recovery that trusts a record's length without its checksum, or an acknowledgement sent before the bytes reached the file"),
      new Clause(REPLAY, Topic.LOG, REQUIRED,
          "Reading from offset o, or from the first offset at or after time t, returns exactly the partition's records from"
              + " there on; retention moves the start, and reading below it is refused, never silently shifted.",
          KAFKA_DOCS + " (seek, offsetsForTimes, deleteRecords); seed: Kappa reprocessing (startingOffsets)",
          "the first record at or after t taken as the first after t, or timestamps assumed to grow with offsets"),
      new Clause(BAD_RECORD, Topic.LOG, REQUIRED,
          "A record that fails to deserialize is reported with its topic, partition, offset and the parser's reason; it is"
              + " skipped only when the consumer asks, and then counted with its position.",
          "this project's error rule (never lose accepted records silently); Kafka's DeserializationExceptionHandler and"
              + " RecordDeserializationException (partition and offset)",
          "a bad record dropped without a count, or an error that names no offset"));
}
