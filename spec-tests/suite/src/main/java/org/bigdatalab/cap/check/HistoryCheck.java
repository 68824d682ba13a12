package org.bigdatalab.cap.check;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.spi.InputFormatException;

/**
 * {@code history check FILE.edn [--model cas-register|register] [--time-limit 10s]}: checks a user's
 * own Jepsen/Knossos history for linearizability. It prints {@code linearizable}, {@code NOT
 * linearizable} with the smallest set of operations that cannot be ordered and their timeline, or
 * {@code unknown} with how far the search got, and exits with {@link #LINEARIZABLE},
 * {@link #NOT_LINEARIZABLE}, {@link #UNKNOWN} or, for input it cannot read (one line,
 * {@code file:line: problem}) or arguments it does not understand, {@link #BAD_INPUT}.
 *
 * <p>The {@code lab} CLI's {@code history check} command calls {@link #run}; {@link #main} runs it
 * alone: {@code java -cp ... org.bigdatalab.cap.check.HistoryCheck history.edn}.
 */
public final class HistoryCheck {
  public static final int LINEARIZABLE = 0;
  public static final int NOT_LINEARIZABLE = 1;
  public static final int UNKNOWN = 2;
  public static final int BAD_INPUT = 3;

  static final String USAGE = "usage: history check FILE.edn [--model cas-register|register] [--time-limit 10s]";

  private HistoryCheck() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the check; {@code args} are what follows {@code history check}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path file = null;
    RegisterModel model = RegisterModel.CAS_REGISTER;
    Duration limit = Duration.ofSeconds(10);
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--model" -> model = RegisterModel.byId(value(args, ++i, "--model"));
          case "--time-limit" -> limit = duration(value(args, ++i, "--time-limit"));
          default -> {
            if (args[i].startsWith("--") || file != null) {
              throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            file = Path.of(args[i]);
          }
        }
      }
      if (file == null) {
        throw new IllegalArgumentException("no history file given");
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return BAD_INPUT;
    }
    History history;
    try {
      history = EdnHistory.read(file);
    } catch (InputFormatException e) {
      err.println(e.getMessage());
      return BAD_INPUT;
    } catch (NoSuchFileException e) {
      err.println(file + ": no such file");
      return BAD_INPUT;
    } catch (IOException e) {
      err.println(file + ": " + e.getMessage());
      return BAD_INPUT;
    }
    Verdict verdict;
    try {
      verdict = new LinearizabilityChecker(model, Budget.of(limit)).check(history);
    } catch (IllegalArgumentException e) {
      err.println(file + ": " + e.getMessage());
      return BAD_INPUT;
    }
    return report(verdict, history, model, out);
  }

  private static int report(Verdict verdict, History history, RegisterModel model, PrintStream out) {
    if (verdict instanceof Verdict.Linearizable l) {
      out.println("linearizable (" + history.size() + " operations, " + history.byKey().size() + " keys, model "
          + model.id() + ")");
      return LINEARIZABLE;
    }
    if (verdict instanceof Verdict.NotLinearizable n) {
      out.println("NOT linearizable: key " + n.key() + " (model " + model.id() + ")");
      int size = n.unorderable().size();
      out.println(!n.minimal() ? "these operations cannot be ordered (not minimal: the explanation ran out of time):"
          : size == 1 ? "this operation cannot be placed anywhere (no write before it made what it saw):"
          : "these " + size + " operations cannot be ordered, and any " + (size - 1) + " of them can:");
      for (Operation o : n.unorderable()) {
        out.println("  " + o);
      }
      out.println("timeline:");
      out.print(n.timeline());
      return NOT_LINEARIZABLE;
    }
    out.println("unknown: " + ((Verdict.Unknown) verdict).progress());
    return UNKNOWN;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** {@code 10s}, {@code 500ms}, {@code 2m}, or a number of seconds. */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
      } else if (t.endsWith("m")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
      } else {
        d = Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
      }
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("--time-limit must be positive, got '" + text + "'");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--time-limit: not a duration: '" + text + "' (e.g. 10s, 500ms, 2m)");
    }
  }
}
