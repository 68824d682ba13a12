package org.bigdatalab.guide.exercises;

import java.util.List;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Printer;
import org.bigdatalab.property.PropertyRunner;
import org.bigdatalab.property.Source;

/**
 * One exercise: a piece of a job that the learner writes (the starter, with a TODO) and that the
 * spec's clauses check, run by our property engine so that a wrong answer comes back as the clause,
 * the seed and the smallest input that breaks it. The solution is the same piece done right, kept in
 * {@code exercises.solutions} so that CI keeps it passing.
 *
 * @param name      what the learner types: {@code ./lab exercise NAME}
 * @param chapter   the guide chapter the exercise belongs to
 * @param clauses   the clause ids the check verifies, in the order it checks them
 * @param statement the task, one paragraph
 * @param starter   the learner's class (edited in place)
 * @param solution  the answer
 * @param inputs    what the check is run on
 * @param check     the clauses, as assertions on one input
 * @param <T>       the piece the learner writes (a combiner, a partitioner, a salting job)
 * @param <I>       one generated input
 */
public record Kata<T, I>(String name, String chapter, List<String> clauses, String statement,
    Class<? extends T> starter, Class<? extends T> solution, Arbitrary<I> inputs, Check<T, I> check) {

  /** Checks the learner's piece on one input; throws {@link ClauseFailed} naming the clause it broke. */
  @FunctionalInterface
  public interface Check<T, I> {
    void check(T code, I input, KataEngines engines) throws Exception;
  }

  /**
   * A clause that the learner's code broke. One class for every clause, so that shrinking may move
   * from one clause to another on its way to the smallest input, and the report names the clause
   * of the input it ends with.
   */
  public static final class ClauseFailed extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final String clause;

    public ClauseFailed(String clause, Throwable cause) {
      super(clause + ": " + firstLine(cause), cause);
      this.clause = clause;
    }

    public String clause() {
      return clause;
    }
  }

  /** Runs {@code body} as clause {@code clause}: any failure in it is reported as that clause's. */
  public static void clause(String clause, ThrowingRunnable body) {
    try {
      body.run();
    } catch (ClauseFailed e) {
      throw e;
    } catch (Throwable t) {
      throw new ClauseFailed(clause, t);
    }
  }

  /** A clause's body. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }

  /**
   * What a run came to: a pass after {@code cases} cases, or the clause that failed with its seed
   * and minimal input.
   */
  public record Verdict(String kata, boolean passed, int cases, long seed, String clause, String minimalInput,
      String message) {

    /** The report the learner reads: "pass", or the clause, seed, minimal input and what went wrong. */
    public String report() {
      if (passed) {
        return "pass: " + kata + " (" + cases + " cases, seed " + seed + ")";
      }
      return "FAIL: " + kata + " breaks " + clause + " after " + cases + (cases == 1 ? " case" : " cases")
          + " (seed " + seed + ")\n  minimal input: " + minimalInput + "\n  " + message;
    }
  }

  /** Runs the learner's class (or the solution) on {@code tries} cases drawn from {@code seed}. */
  public Verdict run(boolean useSolution, long seed, int tries) {
    T code = instantiate(useSolution ? solution : starter);
    try (KataEngines engines = new KataEngines()) {
      PropertyRunner.Result<I> result = PropertyRunner.run(new PropertyRunner.Settings(tries, seed, 120_000, true, 20_000),
          new PropertyRunner.Body<I>() {
            @Override
            public I draw(Source source) {
              return inputs.generate(source);
            }

            @Override
            public void check(I input) throws Throwable {
              Kata.this.check.check(code, input, engines);
            }
          });
      if (result.passed()) {
        return new Verdict(name, true, result.cases(), seed, null, null, null);
      }
      Throwable error = result.failure().error();
      // A crash outside any clause (the learner's code threw) is charged to the first clause checked.
      String clause = error instanceof ClauseFailed f ? f.clause() : clauses.get(0);
      String message = error instanceof ClauseFailed ? firstLine(error.getCause()) : firstLine(error);
      return new Verdict(name, false, result.cases(), seed, clause, Printer.show(result.failure().minimalInput()), message);
    }
  }

  private static <T> T instantiate(Class<? extends T> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.getName() + " needs a public no-argument constructor", e);
    }
  }

  /** An error's message without AssertJ's line breaks, so the report stays a few lines long. */
  static String firstLine(Throwable t) {
    String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
