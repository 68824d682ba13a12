package org.bigdatalab.streaming;

import static org.bigdatalab.spi.Clause.Level.OPTIONAL;
import static org.bigdatalab.spi.Clause.Level.REQUIRED;

import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.ClauseCatalogue;
import org.bigdatalab.spi.Topic;

/**
 * The event-time streaming clauses, in the order the guide teaches them. The ids are constants so
 * tests can name them in annotations; {@link #CATALOGUE} is the one place they are described.
 */
public final class StreamingClauses {
  private StreamingClauses() {}

  public static final String TUMBLING_EQUALS_ORACLE = "streaming.window.tumbling.equals-oracle";
  public static final String SLIDING_EQUALS_ORACLE = "streaming.window.sliding.equals-oracle";
  public static final String SESSION_EQUALS_ORACLE = "streaming.window.session.equals-oracle";
  public static final String ORDER_INSENSITIVE = "streaming.order.insensitive";
  public static final String WATERMARK_MONOTONIC = "streaming.watermark.monotonic";
  public static final String LATENESS_ALLOWED = "streaming.lateness.allowed";
  public static final String SESSION_MERGE = "streaming.session.merge";
  public static final String EVENT_TIME = "streaming.event-time-not-processing-time";
  public static final String EXACTLY_ONCE = "streaming.exactly-once.crash-restore";
  public static final String BAD_INPUT = "streaming.bad-input";
  public static final String NEXMARK_STATELESS = "streaming.nexmark.stateless.equals-oracle";
  public static final String NEXMARK_Q5 = "streaming.nexmark.q5.equals-oracle";
  public static final String NEXMARK_Q7 = "streaming.nexmark.q7.equals-oracle";
  public static final String NEXMARK_Q8 = "streaming.nexmark.q8.equals-oracle";
  public static final String NEXMARK_Q11 = "streaming.nexmark.q11.equals-oracle";

  private static final String NEXMARK = "Tucker et al., NEXMark (2002); Apache Beam's Nexmark queries; Flink's nexmark repository";
  private static final String DATAFLOW_MODEL = "Akidau et al., The Dataflow Model (VLDB 2015)";
  private static final String FLINK_DOCS = "Apache Flink docs: Windows, Generating Watermarks, Allowed Lateness";
  private static final String SEED_FLINK = "seed: Stream Processing > Apache Flink (forBoundedOutOfOrderness, TumblingEventTimeWindows)";
  private static final String SEED_SPARK = "seed: Spark Streaming (window(timestamp, \"5 minutes\", \"1 minute\"), outputMode)";
  private static final String SEED_KAFKA = "seed: Stream Processing > Apache Kafka Streams (parseEventTimestamp returns System.currentTimeMillis())";

  public static final ClauseCatalogue CATALOGUE = ClauseCatalogue.of(Topic.STREAMING,
      new Clause(TUMBLING_EQUALS_ORACLE, Topic.STREAMING, REQUIRED,
          "With tumbling windows, the final result per key and window equals the batch oracle's over the same events.",
          SEED_FLINK + "; " + DATAFLOW_MODEL + " section 2.2",
          "window assignment (start = ts - ts mod size, negative timestamps included) or the aggregate's merge"),
      new Clause(SLIDING_EQUALS_ORACLE, Topic.STREAMING, REQUIRED,
          "With sliding windows of size s and slide d, every event is in s/d windows and the final results equal the batch oracle's.",
          SEED_SPARK + "; " + DATAFLOW_MODEL + " section 2.2",
          "the first and last window an event is assigned to"),
      new Clause(SESSION_EQUALS_ORACLE, Topic.STREAMING, REQUIRED,
          "With session windows of gap g, the final result per key and session equals the batch oracle's (sessions end g after their last event).",
          DATAFLOW_MODEL + " section 2.2 (session windows, MergeWindows)",
          "the session's end (last event + gap), or sessions of different keys merged together"),
      new Clause(ORDER_INSENSITIVE, Topic.STREAMING, REQUIRED,
          "Any arrival order within the out-of-orderness bound gives the same final results.",
          SEED_FLINK + "; " + FLINK_DOCS,
          "a window fired on the first event past its end instead of on the watermark"),
      new Clause(WATERMARK_MONOTONIC, Topic.STREAMING, REQUIRED,
          "Emitted watermarks never go back; a window fires once the watermark reaches its end (its end plus allowed lateness"
              + " for final results), at the first watermark that does, and never before.",
          FLINK_DOCS + "; " + DATAFLOW_MODEL + " section 3.1",
          "the watermark combined as the maximum instead of the minimum of the shards, or a timer registered on the wrong time"),
      new Clause(LATENESS_ALLOWED, Topic.STREAMING, REQUIRED,
          "A late event within the allowed lateness updates its window (an update is emitted); beyond it, it goes to the late"
              + " side output, or is counted as dropped where the engine declares it has no side output; never silently lost.",
          FLINK_DOCS + " (allowedLateness, sideOutputLateData); Kafka Streams TimeWindows grace",
          "window state dropped at the window's end instead of end + lateness, or a late-event counter never incremented"),
      new Clause(SESSION_MERGE, Topic.STREAMING, REQUIRED,
          "Two sessions of a key merge into one when an event bridges them, with the aggregate's merge of both.",
          DATAFLOW_MODEL + " section 2.2 (MergeWindows); Flink MergingWindowAssigner",
          "a bridging event added to one session only, or merged accumulators counted twice"),
      new Clause(EVENT_TIME, Topic.STREAMING, REQUIRED,
          "Results depend on event timestamps only: not on arrival speed, idle processing time or the wall clock.",
          SEED_KAFKA + " (a bug this clause catches); " + DATAFLOW_MODEL + " section 1",
          "a timestamp taken from System.currentTimeMillis() or a window fired by a processing-time timer"),
      new Clause(EXACTLY_ONCE, Topic.STREAMING, OPTIONAL,
          "A job that crashes at any point and restarts from its last checkpoint emits each result exactly once, with the"
              + " values of an uncrashed run.",
          "Carbone et al., Lightweight Asynchronous Snapshots for Distributed Dataflows (2015); Chandy & Lamport (1985); " + SEED_FLINK,
          "output emitted since the last checkpoint replayed without being discarded, or the source not rewound with the state"),
      new Clause(BAD_INPUT, Topic.STREAMING, REQUIRED,
          "An unparseable event goes to the dead-letter output with its reason, and the job goes on with the rest.",
          "this project's error rule (never lose accepted records silently); Kafka Streams DeserializationExceptionHandler",
          "a parser exception that kills the job, or a dead letter without its reason"),
      new Clause(NEXMARK_STATELESS, Topic.STREAMING, REQUIRED,
          "Nexmark q0 (pass-through), q1 (bid prices to euros) and q2 (bids on every n-th auction) as stateless map/filter"
              + " jobs emit the oracle's outputs in arrival order, with unparseable lines as dead letters.",
          NEXMARK + " (queries 0-2)",
          "a parallel stage that reorders or loses a range (the last partial batch never flushed), or the filter and map swapped"),
      new Clause(NEXMARK_Q5, Topic.STREAMING, REQUIRED,
          "Nexmark q5 (hot items): bids per auction per sliding window equal the batch oracle's, and so do the hottest"
              + " auctions of each window.",
          NEXMARK + " (query 5)",
          "a sliding window that starts one slide late, so the hottest auction of a window changes"),
      new Clause(NEXMARK_Q7, Topic.STREAMING, REQUIRED,
          "Nexmark q7 (highest bid): the highest bid of each tumbling window over out-of-order bids equals the batch oracle's.",
          NEXMARK + " (query 7)",
          "a window fired before the out-of-orderness bound passed, losing a later-arriving higher bid"),
      new Clause(NEXMARK_Q8, Topic.STREAMING, REQUIRED,
          "Nexmark q8 (new sellers): persons and the auctions they open in the same tumbling window, joined by person id,"
              + " equal the batch oracle's join.",
          NEXMARK + " (query 8)",
          "a person and an auction of one window split across windows because one arrived out of order"),
      new Clause(NEXMARK_Q11, Topic.STREAMING, REQUIRED,
          "Nexmark q11 (user sessions): bids per bidder per session window equal the batch oracle's sessions.",
          NEXMARK + " (query 11)",
          "a session closed before a late-arriving bid within the bound extends or bridges it"));
}
