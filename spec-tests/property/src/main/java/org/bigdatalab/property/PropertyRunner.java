package org.bigdatalab.property;

import java.util.SplittableRandom;

/**
 * Runs one property: draws cases from a seed until one fails, the tries are done or the time
 * budget is spent, then shrinks the failure. Knows nothing of JUnit; {@link PropertyExtension}
 * drives it for annotated methods and tests drive it directly.
 */
public final class PropertyRunner {

  /** How a property is run. */
  public record Settings(int tries, long seed, long budgetMillis, boolean shrink, long shrinkMillis) {
    public static Settings of(int tries, long seed) {
      return new Settings(tries, seed, 300_000, true, 10_000);
    }
  }

  /** A property: it draws its inputs from a source, then checks them. */
  public interface Body<I> {
    I draw(Source source);

    void check(I input) throws Throwable;
  }

  /**
   * What a run came to.
   *
   * @param cases       cases checked (drawn, not abandoned), shrinking not counted
   * @param budgetSpent whether the time budget stopped generation before the tries were done
   * @param failure     the minimal failure, or null when every case passed
   */
  public record Result<I>(int cases, int abandoned, long seed, boolean budgetSpent, Failure<I> failure) {
    public boolean passed() {
      return failure == null;
    }
  }

  /** The simplest failing case found, what it threw, and how much work shrinking did. */
  public record Failure<I>(I minimalInput, Throwable error, long[] choices, int shrinkSteps, boolean shrinkBudgetSpent) {}

  private PropertyRunner() {}

  public static <I> Result<I> run(Settings settings, Body<I> body) {
    SplittableRandom random = new SplittableRandom(settings.seed());
    long deadline = System.currentTimeMillis() + settings.budgetMillis();
    int cases = 0;
    int abandoned = 0;
    while (cases < settings.tries()) {
      if (System.currentTimeMillis() > deadline) {
        return new Result<>(cases, abandoned, settings.seed(), true, null);
      }
      if (abandoned > Math.max(100, settings.tries() * 10)) {
        throw new IllegalStateException("gave up after " + abandoned + " abandoned cases and " + cases
            + " checked (seed " + settings.seed() + "): the filters or assumptions reject nearly everything");
      }
      Source source = Source.random(random.split());
      Outcome<I> outcome = attempt(source, body);
      if (outcome == null) {
        abandoned++;
        continue;
      }
      cases++;
      if (outcome.error() != null) {
        return new Result<>(cases, abandoned, settings.seed(), false, shrink(settings, body, source, outcome));
      }
    }
    return new Result<>(cases, abandoned, settings.seed(), false, null);
  }

  private record Outcome<I>(I input, Throwable error) {}

  /** Draws and checks one case; null when the case was abandoned. */
  private static <I> Outcome<I> attempt(Source source, Body<I> body) {
    I input;
    try {
      input = body.draw(source);
    } catch (Source.Invalid e) {
      return null;
    }
    try {
      body.check(input);
      return new Outcome<>(input, null);
    } catch (Source.Invalid | Assume.Rejected e) {
      return null;
    } catch (Throwable t) {
      return new Outcome<>(input, t);
    }
  }

  private static <I> Failure<I> shrink(Settings settings, Body<I> body, Source failing, Outcome<I> first) {
    long[] choices = failing.choices();
    if (!settings.shrink()) {
      return new Failure<>(redraw(body, choices, first.input()), first.error(), choices, 0, false);
    }
    Class<?> kind = first.error().getClass();
    Shrinker shrinker = new Shrinker(new Shrinker.Run(choices, failing.spans()), candidate -> {
      Source replay = Source.replay(candidate);
      Outcome<I> o = attempt(replay, body);
      return o != null && o.error() != null && o.error().getClass() == kind
          ? new Shrinker.Run(replay.choices(), replay.spans()) : null;
    }, settings.shrinkMillis(), 100_000);
    long[] minimal = shrinker.shrink();
    // Run the minimal case once more for its error and a fresh copy of its input (checks may mutate inputs).
    Source replay = Source.replay(minimal);
    Outcome<I> last = attempt(replay, body);
    if (last == null || last.error() == null) {
      return new Failure<>(redraw(body, choices, first.input()), first.error(), choices, 0, shrinker.budgetSpent());
    }
    return new Failure<>(redraw(body, minimal, last.input()), last.error(), minimal, shrinker.improvements(),
        shrinker.budgetSpent());
  }

  private static <I> I redraw(Body<I> body, long[] choices, I fallback) {
    try {
      return body.draw(Source.replay(choices));
    } catch (RuntimeException e) {
      return fallback;
    }
  }
}
