package org.bigdatalab.lab;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code lab} in the test's JVM as a user would from a shell, keeping what it wrote to its output and to stderr. */
final class LabCli {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  int run(String... args) {
    var cli = Lab.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** Everything the command wrote to its picocli output so far (commands that print through System.out are not here). */
  String out() {
    return out.toString();
  }

  /** Everything written to stderr so far. */
  String err() {
    return err.toString();
  }

  void clear() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }
}
