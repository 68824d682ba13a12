package org.bigdatalab.lambda.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bigdatalab.lambda.KappaPipeline;
import org.bigdatalab.lambda.StartFrom;
import org.bigdatalab.lambda.ViewDefinition;
import org.bigdatalab.lambda.ViewKey;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.LogEntry;
import org.bigdatalab.streaming.StreamingEngine;

/**
 * The Kappa architecture over any streaming engine and log. A job is a view definition, a consumer
 * group whose committed positions say how far it read, and the view it wrote; each poll is a
 * bounded run of the streaming engine whose sums are added into the view. Readers see the live
 * job's view through one reference, so the switch to a reprocessed view is one assignment: a
 * reader gets the old view or the new one, never a mix.
 */
public class KappaArchitecture implements KappaPipeline {
  private static final AtomicInteger GENERATIONS = new AtomicInteger();

  protected final EventLog log;
  protected final String topic;
  private final StreamingEngine engine;
  private final int pollRecords;
  /** The job readers are served by; replaced whole at a switch. */
  protected volatile Job live;
  protected Job reprocessing;

  /** A view definition, the consumer group that records its positions, and its view. */
  protected final class Job {
    final ViewDefinition<?> code;
    final String group;
    final Map<ViewKey, Long> view = new TreeMap<>();

    Job(ViewDefinition<?> code) {
      this.code = code;
      this.group = "kappa-" + topic + "-" + GENERATIONS.incrementAndGet();
    }

    long position(int partition) {
      return log.committed(group, topic, partition).orElse(log.startOffset(topic, partition));
    }

    /** Reads at most {@code max} records of a partition from its position, adds their sums to the view, commits. */
    int poll(int partition, long max) {
      long from = resumeFrom(this, partition);
      List<LogEntry> entries = max <= 0 || from >= log.endOffset(topic, partition) ? List.of()
          : log.read(topic, partition, from, (int) Math.min(max, Integer.MAX_VALUE));
      if (!entries.isEmpty()) {
        ViewRuns.addInto(view, ViewRuns.stream(engine, code, entries, topic));
        log.commit(group, topic, partition, entries.get(entries.size() - 1).offset() + 1);
      }
      return entries.size();
    }
  }

  public KappaArchitecture(EventLog log, String topic, StreamingEngine engine, ViewDefinition<?> code, int pollRecords) {
    if (pollRecords < 1) {
      throw new IllegalArgumentException("poll size " + pollRecords + " must be at least 1");
    }
    this.log = log;
    this.topic = topic;
    this.engine = engine;
    this.pollRecords = pollRecords;
    this.live = new Job(code);
  }

  /** Where a job's next poll of a partition starts: its committed position, the next offset to read. */
  protected long resumeFrom(Job job, int partition) {
    return job.position(partition);
  }

  @Override
  public synchronized void catchUp() {
    for (int p = 0; p < log.partitions(topic); p++) {
      while (live.poll(p, pollRecords) > 0) {
        // polls until the partition is drained
      }
    }
  }

  @Override
  public Map<ViewKey, Long> query() {
    Job serving = live;
    synchronized (this) {
      return new TreeMap<>(serving.view);
    }
  }

  @Override
  public synchronized Map<ViewKey, Long> replay(StartFrom from) {
    List<LogEntry> entries = new ArrayList<>();
    for (int p = 0; p < log.partitions(topic); p++) {
      long start = from instanceof StartFrom.AtTime t ? log.offsetForTime(topic, p, t.timestamp()) : log.startOffset(topic, p);
      long end = log.endOffset(topic, p);
      if (start < end) {
        entries.addAll(log.read(topic, p, start, (int) Math.min(end - start, Integer.MAX_VALUE)));
      }
    }
    return ViewRuns.stream(engine, live.code, entries, topic);
  }

  @Override
  public synchronized void startReprocessing(ViewDefinition<?> newCode) {
    if (reprocessing != null) {
      throw new IllegalStateException("already reprocessing " + topic + " with " + reprocessing.code);
    }
    reprocessing = new Job(newCode);
  }

  @Override
  public synchronized boolean reprocessStep(int maxRecords) {
    if (reprocessing == null) {
      throw new IllegalStateException("no reprocessing of " + topic + " was started");
    }
    long budget = maxRecords;
    boolean caughtUp = true;
    for (int p = 0; p < log.partitions(topic); p++) {
      long behind = live.position(p) - reprocessing.position(p);
      budget -= reprocessing.poll(p, Math.min(budget, behind));
      caughtUp &= reprocessing.position(p) >= live.position(p);
    }
    if (switchNow(caughtUp)) {
      live = reprocessing; // the switch: one reference; the old job and its view are dropped with it
      reprocessing = null;
      return true;
    }
    return false;
  }

  /** Whether readers move to the new view now: only once it has read as far as the live job. */
  protected boolean switchNow(boolean caughtUp) {
    return caughtUp;
  }
}
