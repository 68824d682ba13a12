package org.bigdatalab.property;

/**
 * A property's failure as reported: what the check threw, with the seed that replays it and the
 * minimal input it was shrunk to. An assertion that failed stays an {@link AssertionError}; any other
 * exception stays an exception, so reports can tell a broken guarantee from a crash.
 */
public sealed interface PropertyFailure permits PropertyFailure.Falsified, PropertyFailure.Crashed {

  /** What every report of a failed property carries. */
  record Details(long seed, int cases, String minimalInput) {}

  Details details();

  default long seed() {
    return details().seed();
  }

  default int cases() {
    return details().cases();
  }

  /** The minimal input, parameter by parameter ({@code name = value, ...}). */
  default String minimalInput() {
    return details().minimalInput();
  }

  /** What the check threw on the minimal input. */
  Throwable getCause();

  /** The failure to report for {@code cause}, found after {@code cases} cases and shrunk in {@code steps} steps. */
  static Throwable of(Throwable cause, long seed, int cases, String input, int steps) {
    String message = "falsified after " + cases + (cases == 1 ? " case" : " cases") + " (seed " + seed
        + "; replay with -D" + PropertyExtension.SEED + "=" + seed + ")\nminimal input"
        + (steps > 0 ? " (" + steps + " shrink steps)" : "") + ": " + input + "\n" + cause;
    Details details = new Details(seed, cases, input);
    return cause instanceof AssertionError
        ? new Falsified(message, cause, details)
        : new Crashed(message, cause, details);
  }

  /** A check's assertion failed. */
  final class Falsified extends AssertionError implements PropertyFailure {
    private static final long serialVersionUID = 1L;
    private final Details details;

    Falsified(String message, Throwable cause, Details details) {
      super(message, cause);
      this.details = details;
    }

    @Override
    public Details details() {
      return details;
    }
  }

  /** A check threw something other than an assertion. */
  final class Crashed extends RuntimeException implements PropertyFailure {
    private static final long serialVersionUID = 1L;
    private final Details details;

    Crashed(String message, Throwable cause, Details details) {
      super(message, cause);
      this.details = details;
    }

    @Override
    public Details details() {
      return details;
    }
  }
}
