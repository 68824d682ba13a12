package org.bigdatalab.lab;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bigdatalab.cap.check.HistoryCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lab history}: tools for Jepsen/Knossos histories; today one, {@code check}. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Work with Jepsen/Knossos EDN histories of register operations.",
    subcommands = HistoryCommand.Check.class)
final class HistoryCommand {

  /**
   * {@code lab history check}: the suite's {@link HistoryCheck} behind picocli. Its exit codes are the
   * contract (0, 1, 2, 3), so a usage error exits 3 like bad input, not picocli's default 2, which
   * here means "unknown".
   */
  @Command(name = "check", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = HistoryCheck.BAD_INPUT,
      description = {"Check a history for linearizability. Prints 'linearizable', 'NOT linearizable' with the smallest "
          + "set of operations that cannot be ordered and their timeline, or 'unknown' with how far the search got.",
          "Exit codes: 0 linearizable, 1 NOT linearizable, 2 unknown (time limit reached), 3 bad input (file:line: problem)."})
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.edn", description = "The history: one EDN map per event, or one vector of them.")
    String file;

    @Option(names = "--model", paramLabel = "cas-register|register", description = "cas-register (read, write, cas; the default) or register (read, write).")
    String model;

    @Option(names = "--time-limit", paramLabel = "DURATION", description = "Give up with 'unknown' after this long: 10s (the default), 500ms, 2m.")
    String timeLimit;

    @Override
    public Integer call() {
      List<String> args = new ArrayList<>(List.of(file));
      if (model != null) {
        args.addAll(List.of("--model", model));
      }
      if (timeLimit != null) {
        args.addAll(List.of("--time-limit", timeLimit));
      }
      // HistoryCheck writes to PrintStreams; picocli's streams are writers (tests replace them), so relay.
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit = HistoryCheck.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      relay(out, spec.commandLine().getOut());
      relay(err, spec.commandLine().getErr());
      return exit;
    }

    private static void relay(ByteArrayOutputStream bytes, PrintWriter to) {
      to.print(bytes.toString(StandardCharsets.UTF_8));
      to.flush();
    }
  }
}
