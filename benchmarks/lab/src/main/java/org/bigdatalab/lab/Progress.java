package org.bigdatalab.lab;

import java.io.PrintStream;

/**
 * A progress bar for long work, with the time left at the pace so far. On a terminal it redraws one
 * line; in a log (CI, a pipe) it prints a line at every tenth of the way, so logs stay short.
 */
final class Progress {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final String label;
  private final int total;
  private final boolean terminal;
  private int done;
  private int lastTenth = -1;
  private String redraw = "";   // the bar as last drawn on a terminal, "" when none is showing
  private final long start = System.nanoTime();
  private final Eta eta;

  Progress(PrintStream out, String label, int total) {
    this(out, label, total, null);
  }

  /** With the run's plan, the time left is the whole run's, from the times of the last run ({@link Eta}). */
  Progress(PrintStream out, String label, int total, Eta eta) {
    this.eta = eta;
    this.out = out;
    this.label = label;
    this.total = Math.max(1, total);
    this.terminal = System.console() != null;
  }

  synchronized void step(String what) {
    done = Math.min(total, done + 1);
    int filled = done * WIDTH / total;
    String bar = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + left();
    if (terminal) {
      String line = "\r" + label + " " + bar + " " + what;
      redraw = line.length() > 120 ? line.substring(0, 120) : String.format("%-120s", line);
      out.print(redraw);
      if (done == total) {
        out.println();
        redraw = "";
      }
    } else if (done * 10 / total != lastTenth) {
      lastTenth = done * 10 / total;
      out.println(label + " " + bar + " " + what);
    }
    out.flush();
  }

  /**
   * Prints a line of its own (a forked module that ended) without breaking the bar: on a terminal the line
   * takes the bar's place and the bar is drawn again under it.
   */
  synchronized void note(String line) {
    if (terminal && !redraw.isEmpty()) {
      out.println(String.format("\r%-120s", line));
      out.print(redraw);
    } else {
      out.println(line);
    }
    out.flush();
  }

  /**
   * The time left, {@code  ~1m20s left}: the run's plan where there is one, else at the pace so far (a
   * guess: a real engine's clause costs more than a reference engine's). Either tells a user whether
   * to wait or come back.
   */
  private String left() {
    if (done == total) {
      return String.format(" in %s", duration((System.nanoTime() - start) / 1e9)) + (eta == null ? "" : "," + eta.left());
    }
    if (eta != null) {
      return eta.left();
    }
    double perStep = (System.nanoTime() - start) / 1e9 / done;
    return " ~" + duration(perStep * (total - done)) + " left";
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
  }
}
