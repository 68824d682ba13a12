package org.bigdatalab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.bigdatalab.streaming.StreamFns;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.workloads.NexmarkEvent;
import org.bigdatalab.workloads.NexmarkGenerator;
import org.junit.jupiter.api.Test;

/** The probe's functions as a real engine uses them: serialized, and called from several threads. */
class NexmarkLatencyProbeTest {
  private static final long START = NexmarkGenerator.START_MILLIS;

  @Test
  void serializedFunctionsFindTheirProbeByIdAndFailClearlyOnceItIsClosed() throws Exception {
    var job = NexmarkBenchQuery.countPerAuction();
    try (NexmarkLatencyProbe probe = new NexmarkLatencyProbe(20_000)) {
      var instrumented = probe.instrument(job);
      @SuppressWarnings("unchecked")
      StreamFns.Timestamp<NexmarkEvent> time = (StreamFns.Timestamp<NexmarkEvent>) roundTrip(instrumented.timestamp());
      var aggregate = roundTrip(instrumented.aggregate());
      NexmarkEvent bid = bidAt(START + 5);

      assertThat(time.of(bid)).isEqualTo(START + 5);
      long before = System.nanoTime();
      NexmarkLatencyProbe.Stamped<Long> stamped = aggregate.result(aggregate.add(aggregate.create(), bid));
      assertThat(stamped.value()).isEqualTo(1L);
      assertThat(stamped.madeNanos()).isGreaterThanOrEqualTo(before);

      probe.record(new StreamingResult<>(List.of(result(START + 5, stamped)), List.of(), List.of(), 0, List.of(), 0));
      assertThat(probe.micros.getTotalCount()).as("a result due at a noted millisecond is timed").isEqualTo(1);
      probe.close();
      @SuppressWarnings("unchecked")
      StreamFns.Timestamp<NexmarkEvent> late = (StreamFns.Timestamp<NexmarkEvent>) roundTrip(instrumented.timestamp());
      assertThatThrownBy(() -> late.of(bid)).isInstanceOf(IllegalStateException.class).hasMessageContaining("benchmark's JVM");
    }
  }

  @Test
  void everyMillisecondIsNotedWhenSeveralThreadsReadTimes() throws Exception {
    int millis = 2_000;
    try (NexmarkLatencyProbe probe = new NexmarkLatencyProbe(millis * 10)) {
      StreamFns.Timestamp<NexmarkEvent> time = probe.instrument(NexmarkBenchQuery.countPerAuction()).timestamp();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int shard = t;
        Thread thread = new Thread(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            return;
          }
          for (long m = shard; m < millis; m += 3) { // overlapping, out-of-step subsequences
            time.of(bidAt(START + m));
          }
        });
        thread.start();
        threads.add(thread);
      }
      go.countDown();
      for (Thread t : threads) {
        t.join();
      }
      List<WindowResult<NexmarkLatencyProbe.Stamped<Long>>> due = new ArrayList<>();
      for (long m = 0; m < millis - 3; m++) {
        due.add(result(START + m, new NexmarkLatencyProbe.Stamped<>(0L, System.nanoTime())));
      }
      probe.record(new StreamingResult<>(due, List.of(), List.of(), 0, List.of(), 0));
      assertThat(probe.micros.getTotalCount()).as("every millisecond up to the largest seen has an ingest time").isEqualTo(due.size());
    }
  }

  private static NexmarkEvent bidAt(long time) {
    return new NexmarkEvent.Bid(time, NexmarkGenerator.FIRST_ID, NexmarkGenerator.FIRST_ID, 100);
  }

  private static <R> WindowResult<R> result(long watermark, R value) {
    return new WindowResult<>("k", new Window(watermark - 10, watermark), value, WindowResult.Firing.FINAL, watermark);
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
