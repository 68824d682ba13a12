package org.bigdatalab.lambda.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.lambda.LambdaPipeline;
import org.bigdatalab.lambda.ViewDefinition;
import org.bigdatalab.lambda.ViewKey;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.LogEntry;
import org.bigdatalab.streaming.StreamingEngine;

/**
 * The Lambda architecture over any dataflow engine, streaming engine and log. The boundary between
 * the layers is a set of log offsets, one per partition, never a time: the batch view covers
 * offsets below {@code masterEnd}, the realtime view those from there to {@code speedEnd}. A time
 * boundary (the seed's "events after the last batch run") counts records at the boundary time in
 * both layers and misses late records; offsets cannot.
 *
 * <p>The master dataset is the log's values in the order the batch layer copied them, only ever
 * appended to (held in memory here; a real one is files on a DFS, which changes nothing above).
 */
public class LambdaArchitecture<T> implements LambdaPipeline {
  protected final EventLog log;
  protected final String topic;
  private final DataflowEngine batchEngine;
  private final StreamingEngine speedEngine;
  private final ViewDefinition<T> view;
  private final List<String> master = new ArrayList<>();
  /** Per partition: the offsets the master dataset, and so the batch view, holds are those below. */
  protected final long[] masterEnd;
  /** Per partition: the realtime view holds the offsets from {@code masterEnd} up to this. */
  protected long[] speedEnd;
  private Map<ViewKey, Long> batchView = new TreeMap<>();
  protected Map<ViewKey, Long> realtimeView = new TreeMap<>();

  public LambdaArchitecture(EventLog log, String topic, DataflowEngine batchEngine, StreamingEngine speedEngine,
      ViewDefinition<T> view) {
    this.log = log;
    this.topic = topic;
    this.batchEngine = batchEngine;
    this.speedEngine = speedEngine;
    this.view = view;
    int partitions = log.partitions(topic);
    this.masterEnd = new long[partitions];
    for (int p = 0; p < partitions; p++) {
      masterEnd[p] = log.startOffset(topic, p);
    }
    this.speedEnd = masterEnd.clone();
  }

  @Override
  public synchronized void runBatch() {
    for (int p = 0; p < masterEnd.length; p++) {
      List<LogEntry> fresh = readTo(p, masterEnd[p], log.endOffset(topic, p));
      fresh.forEach(e -> master.add(e.record().value()));
      masterEnd[p] += fresh.size();
    }
    batchView = ViewRuns.batch(batchEngine, view, master, Math.max(1, masterEnd.length), topic);
    expireRealtime();
  }

  /** The batch view now covers everything the speed layer read: its values are dropped, and it goes on from the batch's offsets. */
  protected void expireRealtime() {
    realtimeView = new TreeMap<>();
    speedEnd = masterEnd.clone();
  }

  @Override
  public synchronized void runSpeed() {
    List<LogEntry> fresh = new ArrayList<>();
    for (int p = 0; p < speedEnd.length; p++) {
      List<LogEntry> part = speedInput(p, log.endOffset(topic, p));
      fresh.addAll(part);
      if (!part.isEmpty()) {
        speedEnd[p] = part.get(part.size() - 1).offset() + 1;
      }
    }
    ViewRuns.addInto(realtimeView, ViewRuns.stream(speedEngine, view, fresh, topic));
  }

  /** What the speed layer reads next in a partition: from where it (or, after a batch run, the batch layer) stopped. */
  protected List<LogEntry> speedInput(int partition, long end) {
    return readTo(partition, speedEnd[partition], end);
  }

  protected List<LogEntry> readTo(int partition, long from, long end) {
    return from >= end ? List.of() : log.read(topic, partition, from, (int) Math.min(Integer.MAX_VALUE, end - from));
  }

  /** The largest timestamp in the master dataset (a broken pipeline draws its boundary there). */
  protected long masterMaxTimestamp() {
    return master.stream().mapToLong(v -> view.timestamp().of(view.parser().parse(v))).max().orElse(Long.MIN_VALUE);
  }

  @Override public synchronized Map<ViewKey, Long> batchView() { return new TreeMap<>(batchView); }

  @Override public synchronized Map<ViewKey, Long> realtimeView() { return new TreeMap<>(realtimeView); }

  @Override
  public synchronized Map<ViewKey, Long> query() {
    Map<ViewKey, Long> merged = new TreeMap<>(batchView);
    ViewRuns.addInto(merged, realtimeView);
    return merged;
  }

  @Override
  public String toString() {
    return "lambda over " + topic + ": batch to " + Arrays.toString(masterEnd) + ", speed to " + Arrays.toString(speedEnd);
  }
}
