package org.bigdatalab.dataflow.reference;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionResult;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.DataflowFailedException;
import org.bigdatalab.dataflow.HashPartitioning;
import org.bigdatalab.dataflow.Plan;

/**
 * What both reference engines share: actions, the cache, and atomic saves, over the stages that
 * {@link PlanEvaluator} builds. The protected methods are the engine's choices (how keys are
 * partitioned, whether reduceByKey combines map-side, …); the deliberately broken engines of the
 * self-test override exactly one each.
 */
abstract class PartitionedDataflow implements DataflowEngine {

  /** Cached datasets kept at once; the least recently used is dropped beyond this (and recomputed if asked again). */
  static final int CACHE_ENTRIES = 64;

  private final Map<Long, List<List<Object>>> cache = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override protected boolean removeEldestEntry(Map.Entry<Long, List<List<Object>>> eldest) {
      return size() > CACHE_ENTRIES;
    }
  };

  /** Where tasks run; null: on the caller's thread. */
  protected abstract ExecutorService pool();

  protected int partitionOf(Object key, int partitions) { return HashPartitioning.partition(key, partitions); }

  protected boolean combinesMapSide() { return true; }

  /** How tasks merge records per key: the oracle's maps here; df-parallel's dense tables there. */
  protected KeyedMerge keyedMerge() { return MapMerge.INSTANCE; }

  /**
   * How a declared long aggregate runs when it reads primitive columns directly: a fused primitive
   * plan, or null to run it as the boxed reduceByKey it declares (the oracle's way).
   */
  protected FusedLongAggregate fusedLongAggregate() { return null; }

  /**
   * How a reduceByKey by a recognised long merge runs over boxed records: through primitive columns and
   * the fused plan's shuffle, or null to run it record by record through {@link #keyedMerge} (the oracle's way).
   */
  protected RecordLongReduce recordLongReduce() { return null; }

  /** A new block for the records one shuffle task sends one partition: a plain list here; df-parallel keeps int-keyed pairs primitive. */
  protected List<Object> shuffleBucket() { return new ArrayList<>(); }

  /** Whether a reduceByKey shuffles even when its input came from a shuffle by key (it must: a map may change keys). */
  protected boolean shufflesAgain(Staged input) { return true; }

  protected boolean splitsSkewedJoins() { return false; }

  protected boolean broadcastsAsShuffle() { return false; }

  protected boolean sortsGlobally() { return true; }

  protected boolean distinctAcrossPartitions() { return true; }

  protected boolean keepsCache() { return true; }

  /** Where a save writes before it commits; the final directory itself would leave partial output. */
  protected Path stagingDirFor(Path dir) {
    return dir.resolveSibling("." + dir.getFileName() + ".tmp-" + UUID.randomUUID());
  }

  /** coalesce: neighbouring partitions' tasks joined, nothing moved. */
  protected Staged coalesce(PlanEvaluator evaluator, Staged in, int partitions) throws DataflowFailedException {
    return PlanEvaluator.merge(in, partitions);
  }

  Staged cached(PlanEvaluator evaluator, Plan.CacheOp op) throws DataflowFailedException {
    List<List<Object>> parts;
    synchronized (cache) {
      parts = cache.get(op.id());
    }
    if (parts == null) {
      parts = evaluator.partitions(evaluator.eval(op.input()));
      if (keepsCache()) {
        synchronized (cache) {
          cache.put(op.id(), parts);
        }
      }
    }
    return Staged.of(parts, op.name(), false);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <R> ActionResult<R> execute(Action<R> action) throws DataflowFailedException {
    StageRunner runner = new StageRunner(pool());
    PlanEvaluator evaluator = new PlanEvaluator(this, runner);
    Staged staged = evaluator.eval(action.plan());
    Object value;
    if (action instanceof Action.Collect<?>) {
      List<List<Object>> parts = evaluator.partitions(staged);
      List<Object> all = new ArrayList<>(parts.stream().mapToInt(List::size).sum()); // sized once: growing it copied 1.8 MB a job at B05's 100,000 keys
      parts.forEach(all::addAll);
      value = all;
    } else if (action instanceof Action.CollectPartitions<?>) {
      value = evaluator.partitions(staged);
    } else if (action instanceof Action.Count) {
      value = runner.run(staged, (task, records) -> {
        long n = 0;
        for (; records.hasNext(); records.next()) {
          n++;
        }
        return n;
      }, x -> 0, x -> 0).stream().mapToLong(Long::longValue).sum();
    } else if (action instanceof Action.Reduce<?> r) {
      value = runner.run(staged, (task, records) -> reduce(records, r), x -> 0, x -> 0).stream()
          .flatMap(Optional::stream).reduce(r.f());
    } else if (action instanceof Action.Take<?> t) {
      List<Object> all = new ArrayList<>();
      evaluator.partitions(staged).forEach(all::addAll);
      value = new ArrayList<>(all.subList(0, Math.min(t.n(), all.size())));
    } else if (action instanceof Action.Save s) {
      value = save(runner, staged, Path.of(s.dir()));
    } else {
      throw new IllegalArgumentException("unknown action " + action);
    }
    return new ActionResult<>((R) value, runner.metrics());
  }

  private static Optional<Object> reduce(Iterator<Object> records, Action.Reduce<?> r) {
    Object acc = null;
    while (records.hasNext()) {
      Object x = records.next();
      acc = acc == null ? x : r.f().apply(acc, x);
    }
    return Optional.ofNullable(acc);
  }

  /** Each partition's task writes its part file into a staging directory; the directory is renamed on success only. */
  private long save(StageRunner runner, Staged staged, Path dir) throws DataflowFailedException {
    if (Files.exists(dir)) {
      throw new DataflowFailedException("save: output directory " + dir + " exists", new FileAlreadyExistsException(dir.toString()));
    }
    Path staging = stagingDirFor(dir);
    try {
      Files.createDirectories(staging);
      long written = runner.run(PlanEvaluator.merge(staged, staged.partitions()), (task, records) -> {
        long n = 0;
        try (BufferedWriter out = Files.newBufferedWriter(staging.resolve(String.format("part-%05d", task.partition())))) {
          while (records.hasNext()) {
            out.write(String.valueOf(records.next()));
            out.newLine();
            n++;
          }
        }
        return n;
      }, x -> 0, x -> 0).stream().mapToLong(Long::longValue).sum();
      Files.createFile(staging.resolve("_SUCCESS"));
      if (!staging.equals(dir)) {
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
      }
      return written;
    } catch (DataflowFailedException e) {
      deleteQuietly(staging);
      throw e;
    } catch (IOException e) {
      deleteQuietly(staging);
      throw new DataflowFailedException("save to " + dir + " failed: " + e, e);
    }
  }

  protected void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover staging directory is hidden (dot name) and harmless
    }
  }
}
