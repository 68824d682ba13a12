package org.bigdatalab.spi;

/** The topics of the spec. A clause id always starts with its topic's id and a dot. */
public enum Topic {
  DFS("dfs", "HDFS semantics"),
  MAPREDUCE("mapreduce", "MapReduce"),
  DATAFLOW("dataflow", "Dataflow (Spark-like batch)"),
  SKEW("skew", "Skew handling"),
  STREAMING("streaming", "Event-time streaming"),
  CAP("cap", "CAP: replicated stores under partitions"),
  LOG("log", "Event log"),
  LAMBDA("lambda", "Lambda architecture"),
  KAPPA("kappa", "Kappa architecture"),
  TABLE("table", "Table formats (Delta Lake, Iceberg)");

  private final String id;
  private final String title;

  Topic(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() { return id; }
  public String title() { return title; }

  /**
   * The topic whose engines keep this topic's clauses: skew handling is checked on dataflow
   * engines; Lambda and Kappa on pipeline engines, each a combination of a dataflow engine, a
   * streaming engine and an event log (listed under {@link #LAMBDA}); every other topic has engines
   * of its own.
   */
  public Topic engineTopic() {
    return switch (this) {
      case SKEW -> DATAFLOW;
      case LAMBDA, KAPPA -> LAMBDA;
      default -> this;
    };
  }

  public static Topic byId(String id) {
    for (Topic topic : values()) {
      if (topic.id.equals(id)) {
        return topic;
      }
    }
    throw new IllegalArgumentException("unknown topic '" + id + "'; known: " + java.util.Arrays.toString(values()));
  }
}
