package org.bigdatalab.lab;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code lab} in the test's JVM as a user would from a shell, keeping what it wrote to stderr. */
final class LabCli {
  private final StringWriter err = new StringWriter();

  int run(String... args) {
    var cli = Lab.commandLine();
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** Everything written to stderr so far. */
  String err() {
    return err.toString();
  }

  void clear() {
    err.getBuffer().setLength(0);
  }
}
