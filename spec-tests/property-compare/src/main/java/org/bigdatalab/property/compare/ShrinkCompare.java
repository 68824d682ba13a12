package org.bigdatalab.property.compare;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.property.PropertyRunner;
import org.bigdatalab.property.PropertyRunner.Body;
import org.bigdatalab.property.Source;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Reporter;

/**
 * Runs every case with both candidates from fixed seeds and prints a Markdown table: the
 * counterexample each reaches, its size, whether it is the known-minimal one, and the wall time
 * from the start of the run to the shrunk counterexample (generation and shrinking).
 *
 * <p>Both candidates get the same budget: 1000 generated cases, and at most 100,000 shrink steps
 * (QuickTheories' {@code withShrinkCycles}; ours caps shrink attempts at 100,000, and time at 10 s).
 * Each (case, candidate) is run once from seed 0 first, unrecorded, to warm the JIT.
 *
 * <p>Arguments: {@code [seeds] [case-name-substring]}; seeds defaults to 5 (seeds 1..n).
 */
public final class ShrinkCompare {
  static final int TRIES = 1000;
  static final int QT_SHRINK_CYCLES = 100_000;

  private ShrinkCompare() {}

  /** What one run reached: the counterexample (null when none was found) and the wall time. */
  record Run(Object value, long nanos, String note) {}

  /** The runs of one case and candidate, over the seeds. */
  record Row(Case<?> c, String candidate, List<Run> runs) {}

  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String only = args.length > 1 ? args[1] : "";
    List<Row> rows = measure(seeds, only, System.err);
    System.out.println(table(rows, seeds));
  }

  static List<Case<?>> cases() {
    List<Case<?>> all = new ArrayList<>(ChallengeCases.all());
    all.addAll(EngineCases.all());
    return all;
  }

  static List<Row> measure(int seeds, String only, PrintStream progress) {
    List<Row> rows = new ArrayList<>();
    for (Case<?> c : cases()) {
      if (!c.name().contains(only)) {
        continue;
      }
      ours(c, 0);
      qt(c, 0);
      List<Run> ours = new ArrayList<>();
      List<Run> qt = new ArrayList<>();
      for (long seed = 1; seed <= seeds; seed++) {
        // Alternate which goes first, so neither always runs on the warmer JVM.
        if (seed % 2 == 1) {
          ours.add(ours(c, seed));
          qt.add(qt(c, seed));
        } else {
          qt.add(qt(c, seed));
          ours.add(ours(c, seed));
        }
        progress.printf("%s seed %d: ours %s (%d ms), qt %s (%d ms)%n", c.name(), seed,
            show(c, ours.get(ours.size() - 1)), ours.get(ours.size() - 1).nanos() / 1_000_000,
            show(c, qt.get(qt.size() - 1)), qt.get(qt.size() - 1).nanos() / 1_000_000);
      }
      rows.add(new Row(c, "ours", ours));
      rows.add(new Row(c, "QuickTheories 0.26", qt));
    }
    return rows;
  }

  static <T> Run ours(Case<T> c, long seed) {
    long start = System.nanoTime();
    PropertyRunner.Result<T> result = PropertyRunner.run(PropertyRunner.Settings.of(TRIES, seed), new Body<T>() {
      @Override public T draw(Source source) { return c.ours().generate(source); }

      @Override public void check(T input) throws Throwable {
        if (!c.holds().test(input)) {
          throw new AssertionError("falsified");
        }
      }
    });
    long nanos = System.nanoTime() - start;
    if (result.passed()) {
      return new Run(null, nanos, "no failure in " + result.cases() + " cases");
    }
    String note = result.failure().shrinkBudgetSpent() ? "shrink budget spent" : "";
    return new Run(result.failure().minimalInput(), nanos, note);
  }

  static <T> Run qt(Case<T> c, long seed) {
    Object[] smallest = {null};
    String[] note = {""};
    Reporter capture = new Reporter() {
      @Override public void falisification(long s, int examplesUsed, Object value, Throwable cause,
          List<Object> examples, AsString<Object> toString) {
        smallest[0] = value;
      }

      @Override public void falisification(long s, int examplesUsed, Object value, List<Object> examples,
          AsString<Object> toString) {
        smallest[0] = value;
      }

      @Override public void valuesExhausted(int examples) {
        note[0] = "values exhausted after " + examples;
      }
    };
    long start = System.nanoTime();
    QuickTheory.qt().withFixedSeed(seed).withExamples(TRIES).withShrinkCycles(QT_SHRINK_CYCLES).withReporter(capture)
        .forAll(c.qt()).check(input -> {
          try {
            return c.holds().test(input);
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    long nanos = System.nanoTime() - start;
    return new Run(smallest[0], nanos, smallest[0] == null && note[0].isEmpty() ? "no failure" : note[0]);
  }

  @SuppressWarnings("unchecked")
  static <T> String show(Case<T> c, Run run) {
    if (run.value() == null) {
      return "(" + run.note() + ")";
    }
    String s = c.show().apply((T) run.value());
    return s.length() > 48 ? s.substring(0, 45) + "..." : s;
  }

  @SuppressWarnings("unchecked")
  static <T> boolean minimal(Case<T> c, Run run) {
    return run.value() != null && c.minimal().test((T) run.value());
  }

  @SuppressWarnings("unchecked")
  static <T> long size(Case<T> c, Run run) {
    return run.value() == null ? -1 : c.size().applyAsLong((T) run.value());
  }

  static String table(List<Row> rows, int seeds) {
    StringBuilder b = new StringBuilder();
    b.append("| Case | Known minimal | Candidate | Counterexamples reached (× seeds) | Known-minimal | Size, median (max) | Time ms, median (max) |\n");
    b.append("|---|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      Map<String, Integer> reached = new LinkedHashMap<>();
      row.runs().forEach(r -> reached.merge(show(row.c(), r), 1, Integer::sum));
      List<String> parts = new ArrayList<>();
      reached.forEach((v, n) -> parts.add("`" + v + "`" + (n > 1 ? " ×" + n : "")));
      String reachedText = parts.size() > 3
          ? String.join("; ", parts.subList(0, 3)) + "; +" + (parts.size() - 3) + " more"
          : String.join("; ", parts);
      long minimal = row.runs().stream().filter(r -> minimal(row.c(), r)).count();
      long[] sizes = row.runs().stream().mapToLong(r -> size(row.c(), r)).sorted().toArray();
      long[] millis = row.runs().stream().mapToLong(r -> r.nanos() / 1_000_000).sorted().toArray();
      b.append("| ").append(row.c().name())
          .append(" | `").append(row.c().known()).append('`')
          .append(" | ").append(row.candidate())
          .append(" | ").append(reachedText.replace("|", "\\|"))
          .append(" | ").append(minimal).append('/').append(seeds)
          .append(" | ").append(median(sizes)).append(" (").append(sizes[sizes.length - 1]).append(')')
          .append(" | ").append(median(millis)).append(" (").append(millis[millis.length - 1]).append(')')
          .append(" |\n");
    }
    return b.toString();
  }

  private static long median(long[] sorted) {
    return sorted.length == 0 ? -1 : sorted[(sorted.length - 1) / 2];
  }
}
