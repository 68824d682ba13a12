package org.bigdatalab.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.check.BruteForce;
import org.bigdatalab.cap.check.Budget;
import org.bigdatalab.cap.check.LinearizabilityChecker;
import org.bigdatalab.cap.check.RegisterModel;
import org.bigdatalab.cap.check.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/*
 * The linearizability checker's cost against history length: how long does the suite's checker
 * (Wing and Gong's search with Lowe's memoisation, split per key) take to prove a register history
 * linearizable, and how much does it allocate doing so, for `ops` operations on `keys` keys by
 * `clients` concurrent clients? Beside it, on the short histories only, the definition searched
 * naively (BruteForce: every real-time-respecting order, prefixes replayed from scratch, nothing
 * remembered), which is what the checker must beat and what its tests compare it with.
 *
 * The histories are linearizable by construction (RegisterHistories: each operation takes effect at
 * a random instant inside its interval; 2% time out with an unknown outcome), so every check
 * searches to the end and says "linearizable"; a check that says anything else throws, and a fast
 * wrong answer is not a result. A linearizable history is the checker's expensive case: a
 * violation is usually found early, and an unknown outcome (INFO) may take effect at any later
 * point, which is what makes the search branch. The same seed gives the same history to the
 * checker and the brute force of a run. Time is one whole check (history to verdict); memory is
 * what JMH's GC profiler counts as allocated per check (gc.alloc.rate.norm): Lowe's cache of
 * configurations is most of it and is what the checker's memory budget bounds.
 *
 * The target: 5,000 operations on 5 keys (10 clients) in under 1 s.
 *
 * Run: ./lab bench --workload cap [--size small|full|2000]; alone:
 *   ./mvnw -B -pl benchmarks/lab -am package -DskipTests && java -cp "benchmarks/jmh/target/classes:$(cat benchmarks/lab/target/lab.classpath)" \
 *     org.openjdk.jmh.Main B11_LinearizabilityCheck -p ops=5000 -p keys=5 -prof gc
 * Measured runs: benchmarks/RESULTS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class B11_LinearizabilityCheck {
  /** How long one brute-force check may run before the benchmark gives up on it (an error, not a row). */
  static final Duration BRUTE_FORCE_LIMIT = Duration.ofSeconds(10);
  static final long SEED = 20261206L;

  @Param("1000")
  public int ops;

  @Param("1")
  public int keys;

  @Param("10")
  public int clients;

  History history;
  private LinearizabilityChecker checker;

  @Setup(Level.Trial)
  public void setUp() {
    history = RegisterHistories.generate(ops, keys, clients, SEED);
    // the time budget is far above any measured check: a check that reaches it is reported, not timed
    checker = new LinearizabilityChecker(RegisterModel.CAS_REGISTER, Budget.of(Duration.ofMinutes(1)));
  }

  @Benchmark
  public Verdict checker() {
    Verdict verdict = checker.check(history);
    if (!(verdict instanceof Verdict.Linearizable)) {
      throw new IllegalStateException("the checker says " + verdict + " on a linearizable history of " + ops + " operations");
    }
    return verdict;
  }

  @Benchmark
  public boolean bruteForce() {
    Boolean ok = BruteForce.linearizable(history, RegisterModel.CAS_REGISTER, System.nanoTime() + BRUTE_FORCE_LIMIT.toNanos());
    if (ok == null) {
      throw new IllegalStateException("the brute force did not finish within " + BRUTE_FORCE_LIMIT.toSeconds() + " s on "
          + ops + " operations, " + keys + " keys, " + clients + " clients");
    }
    if (!ok) {
      throw new IllegalStateException("the brute force says NOT linearizable on a linearizable history of " + ops + " operations");
    }
    return ok;
  }
}
