package org.bigdatalab.property;

/**
 * A property's failure as reported: what the check threw, with the seed that replays it and the
 * minimal input it was shrunk to. An assertion that failed stays an {@link AssertionError}; any other
 * exception stays an exception, so reports can tell a broken guarantee from a crash.
 */
public sealed interface PropertyFailure permits PropertyFailure.Falsified, PropertyFailure.Crashed {

  long seed();

  int cases();

  /** The minimal input, parameter by parameter ({@code name = value, ...}). */
  String minimalInput();

  /** What the check threw on the minimal input. */
  Throwable getCause();

  /** The failure to report for {@code cause}, found after {@code cases} cases and shrunk in {@code steps} steps. */
  static Throwable of(Throwable cause, long seed, int cases, String input, int steps) {
    String message = "falsified after " + cases + (cases == 1 ? " case" : " cases") + " (seed " + seed
        + "; replay with -D" + PropertyExtension.SEED + "=" + seed + ")\nminimal input"
        + (steps > 0 ? " (" + steps + " shrink steps)" : "") + ": " + input + "\n" + cause;
    return cause instanceof AssertionError
        ? new Falsified(message, cause, seed, cases, input)
        : new Crashed(message, cause, seed, cases, input);
  }

  /** A check's assertion failed. */
  final class Falsified extends AssertionError implements PropertyFailure {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private final int cases;
    private final String input;

    Falsified(String message, Throwable cause, long seed, int cases, String input) {
      super(message, cause);
      this.seed = seed;
      this.cases = cases;
      this.input = input;
    }

    @Override public long seed() { return seed; }
    @Override public int cases() { return cases; }
    @Override public String minimalInput() { return input; }
  }

  /** A check threw something other than an assertion. */
  final class Crashed extends RuntimeException implements PropertyFailure {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private final int cases;
    private final String input;

    Crashed(String message, Throwable cause, long seed, int cases, String input) {
      super(message, cause);
      this.seed = seed;
      this.cases = cases;
      this.input = input;
    }

    @Override public long seed() { return seed; }
    @Override public int cases() { return cases; }
    @Override public String minimalInput() { return input; }
  }
}
