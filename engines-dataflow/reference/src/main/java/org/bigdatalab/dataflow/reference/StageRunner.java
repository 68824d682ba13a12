package org.bigdatalab.dataflow.reference;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import org.bigdatalab.dataflow.ActionMetrics;
import org.bigdatalab.dataflow.DataflowFailedException;
import org.bigdatalab.dataflow.StageMetrics;

/**
 * Runs the stages of one action: every task of a stage, on the caller's thread or on a pool, and
 * records what each stage did, with each task's wall-clock and CPU time. A task that throws fails
 * the action with the task's stage and partition in the message and the original exception as the
 * cause.
 */
final class StageRunner {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

  /** What a task does with its records at the end of the stage: collect them, count them, bucket them for a shuffle. */
  interface Sink<R> {
    R drain(Task task, Iterator<Object> records) throws Exception;
  }

  private final ExecutorService pool;
  private final List<StageMetrics> stages = new ArrayList<>();

  /** @param pool where tasks run; null runs them one after another on the caller's thread */
  StageRunner(ExecutorService pool) {
    this.pool = pool;
  }

  /**
   * Runs the stage and records it.
   *
   * @param shuffleWrite records each task's result wrote to a shuffle
   * @param broadcast    records each task's result sends to every task of a later stage
   */
  <R> List<R> run(Staged stage, Sink<R> sink, ToLongFunction<R> shuffleWrite, ToLongFunction<R> broadcast)
      throws DataflowFailedException {
    int id = stages.size();
    List<Callable<R>> calls = new ArrayList<>();
    long[] nanos = new long[stage.tasks().size()];
    long[] cpuNanos = new long[stage.tasks().size()];
    for (Task task : stage.tasks()) {
      int t = calls.size();
      calls.add(() -> {
        long start = System.nanoTime();
        long cpuStart = cpuNow(); // inside the wall-clock window, so a task's CPU time never exceeds its wall time
        try {
          return sink.drain(task, task.records().get());
        } catch (Exception | Error e) {
          throw new TaskFailure(task.partition(), e);
        } finally {
          long cpuEnd = cpuNow();
          cpuNanos[t] = cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart;
          nanos[t] = System.nanoTime() - start;
        }
      });
    }
    stages.add(null);
    List<R> results = pool == null ? runHere(calls, id, stage) : runOnPool(calls, id, stage);
    long written = results.stream().mapToLong(shuffleWrite).sum();
    stages.set(id, new StageMetrics(id, stage.start(), stage.taskInputRecords(), written,
        results.stream().mapToLong(broadcast).sum(), Arrays.stream(nanos).boxed().toList(), cpuTimes(cpuNanos)));
    return results;
  }

  /** This thread's CPU time so far, or -1 where the JVM cannot tell or has it switched off (a task runs on one thread from start to end). */
  private static long cpuNow() {
    return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  /** The tasks' CPU times, or none if any task's could not be read. */
  private static List<Long> cpuTimes(long[] cpuNanos) {
    return Arrays.stream(cpuNanos).anyMatch(n -> n < 0) ? List.of() : Arrays.stream(cpuNanos).boxed().toList();
  }

  private <R> List<R> runHere(List<Callable<R>> calls, int id, Staged stage) throws DataflowFailedException {
    List<R> results = new ArrayList<>(calls.size());
    for (Callable<R> call : calls) {
      try {
        results.add(call.call());
      } catch (TaskFailure f) {
        throw failed(id, stage, f);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return results;
  }

  private <R> List<R> runOnPool(List<Callable<R>> calls, int id, Staged stage) throws DataflowFailedException {
    List<Future<R>> futures = new ArrayList<>(calls.size());
    calls.forEach(c -> futures.add(pool.submit(c)));
    List<R> results = new ArrayList<>(calls.size());
    DataflowFailedException failure = null;
    for (Future<R> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof TaskFailure f ? failed(id, stage, f) : new DataflowFailedException(
              "stage " + id + " (" + stage.start() + ") failed: " + e.getCause(), e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DataflowFailedException("interrupted while running stage " + id, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  private static DataflowFailedException failed(int id, Staged stage, TaskFailure f) {
    return new DataflowFailedException("stage " + id + " (" + stage.start() + ") partition " + f.partition
        + " failed: " + f.getCause(), f.getCause());
  }

  /**
   * A user function that failed on the driver between stages (the sort of a sortBy, which ranges
   * all records at once): reported as partition 0 of the stage that would have read the result.
   */
  DataflowFailedException driverFailure(String operation, RuntimeException e) {
    return new DataflowFailedException("stage " + stages.size() + " (" + operation + ", on the driver) partition 0 failed: "
        + e, e);
  }

  ActionMetrics metrics() {
    return new ActionMetrics(stages);
  }

  /** A task's exception, with the partition it was computing. */
  private static final class TaskFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final int partition;

    TaskFailure(int partition, Throwable cause) {
      super(cause);
      this.partition = partition;
    }
  }
}
