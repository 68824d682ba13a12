package org.bigdatalab.streaming.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;

/**
 * The batch oracle: what a job's final results must be, computed without any notion of arrival
 * other than the one rule that needs it (lateness). It replays the script only to know the
 * watermark each event met, sorts events into accepted and too late, and then aggregates the
 * accepted ones per key and window as one batch. Written for obviousness, not speed.
 */
public final class StreamingOracle {
  private StreamingOracle() {}

  /** What the job must emit, in the terms the clauses check. */
  public record Expected<R>(Map<WindowResult.Id, R> finalValues, List<String> tooLate,
                            Map<WindowResult.Id, Integer> lateUpdates, List<String> deadLines) {}

  /** One accepted event and the windows it counts in. */
  private record Accepted<T>(T event, String key, List<Window> windows) {}

  public static <T, A, R> Expected<R> expect(StreamingJob<T, A, R> job, ScriptedSource source) {
    long watermark = Long.MIN_VALUE;
    List<Accepted<T>> accepted = new ArrayList<>();
    List<String> tooLate = new ArrayList<>();
    List<String> dead = new ArrayList<>();
    Map<WindowResult.Id, Integer> lateUpdates = new TreeMap<>();
    for (ScriptedSource.Step step : source.steps()) {
      if (step instanceof ScriptedSource.Watermark w) {
        watermark = Math.max(watermark, w.time());
      }
      if (step instanceof ScriptedSource.Events<?> batch) {
        for (int i = 0; i < batch.size(); i++) { // a typed batch is its lines, already parsed
          @SuppressWarnings("unchecked") T event = (T) batch.events().get(i);
          watermark = accept(job, event, batch.line(i), watermark, accepted, tooLate, lateUpdates);
        }
      }
      if (!(step instanceof ScriptedSource.Line line)) {
        continue;
      }
      T event;
      try {
        event = job.parser().parse(line.text());
      } catch (BadRecordException e) {
        dead.add(line.text());
        continue;
      }
      watermark = accept(job, event, line.text(), watermark, accepted, tooLate, lateUpdates);
    }
    Map<WindowResult.Id, R> values = job.windows() instanceof Windows.Session s
        ? sessions(job, accepted, s.gap()) : fixed(job, accepted);
    return new Expected<>(values, tooLate, lateUpdates, dead);
  }

  /** One event, in arrival order: accepted into its live windows or too late; returns the watermark after it. */
  private static <T> long accept(StreamingJob<T, ?, ?> job, T event, String line, long watermark, List<Accepted<T>> accepted,
      List<String> tooLate, Map<WindowResult.Id, Integer> lateUpdates) {
    long ts = job.timestamp().of(event);
    String key = job.key().of(event);
    List<Window> live = new ArrayList<>();
    for (Window w : job.windows().assign(ts)) {
      if (StreamingJob.plus(w.end(), job.allowedLateness()) > watermark) {
        live.add(w);
        if (w.end() <= watermark) {
          lateUpdates.merge(new WindowResult.Id(key, w), 1, Integer::sum);
        }
      }
    }
    if (live.isEmpty()) {
      tooLate.add(line);
    } else {
      accepted.add(new Accepted<>(event, key, live));
    }
    return Math.max(watermark, ts - job.outOfOrderness());
  }

  private static <T, A, R> Map<WindowResult.Id, R> fixed(StreamingJob<T, A, R> job, List<Accepted<T>> accepted) {
    Map<WindowResult.Id, A> accs = new TreeMap<>();
    for (Accepted<T> a : accepted) {
      for (Window w : a.windows()) {
        accs.merge(new WindowResult.Id(a.key(), w), job.aggregate().add(job.aggregate().create(), a.event()),
            job.aggregate()::merge);
      }
    }
    Map<WindowResult.Id, R> values = new TreeMap<>();
    accs.forEach((id, acc) -> values.put(id, job.aggregate().result(acc)));
    return values;
  }

  /** Sessions as a batch: per key, events by time; the next event joins while it is at most one gap after the session's last. */
  private static <T, A, R> Map<WindowResult.Id, R> sessions(StreamingJob<T, A, R> job, List<Accepted<T>> accepted, long gap) {
    Map<String, List<T>> byKey = new HashMap<>();
    accepted.forEach(a -> byKey.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a.event()));
    Map<WindowResult.Id, R> values = new TreeMap<>();
    byKey.forEach((key, events) -> {
      events.sort(java.util.Comparator.comparingLong(e -> job.timestamp().of(e)));
      Window session = null;
      A acc = null;
      for (T e : events) {
        long ts = job.timestamp().of(e);
        if (session != null && ts > session.end()) {
          values.put(new WindowResult.Id(key, session), job.aggregate().result(acc));
          session = null;
          acc = null;
        }
        session = session == null ? new Window(ts, ts + gap) : session.cover(new Window(ts, ts + gap));
        acc = job.aggregate().add(acc == null ? job.aggregate().create() : acc, e);
      }
      if (session != null) {
        values.put(new WindowResult.Id(key, session), job.aggregate().result(acc));
      }
    });
    return values;
  }
}
