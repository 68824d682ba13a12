package org.bigdatalab.lab;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.bigdatalab.dfs.DfsException;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.OutputDirectoryExistsException;
import org.bigdatalab.spi.InputFormatException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How {@code lab} reports a problem: one line on stderr, {@code lab: <file>:<line or offset>: <field>:
 * <problem>} or {@code lab: <what>: <why>}, and an exit code a script can act on: {@value #BAD_INPUT}
 * for bad input or a bad command line, {@value #FAILED} for a job or run that failed. The stack trace,
 * which helps a developer and buries the message for everyone else, is printed only under
 * {@code --verbose}. (A command may keep its own code for bad input: {@code lab history check} exits 3,
 * its documented contract, through picocli's {@code exitCodeOnInvalidInput}.)
 */
final class LabErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  static final int FAILED = 1;
  static final int BAD_INPUT = 2;
  static final String VERBOSE = "--verbose";

  private LabErrors() {}

  /** {@code cli} with these handlers on it and every sub-command. */
  static CommandLine install(CommandLine cli) {
    LabErrors handler = new LabErrors();
    return cli.setExecutionExceptionHandler(handler).setParameterExceptionHandler(handler);
  }

  /** A line and an exit code for an exception thrown while a command ran. */
  record Verdict(int exitCode, String line) {}

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    Verdict verdict = verdict(e, cli.getCommandSpec().exitCodeOnInvalidInput());
    report(cli.getErr(), verdict.line(), e, verbose(parsed));
    return verdict.exitCode();
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String line = e.getMessage();
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
      line += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
    }
    line += "; see '" + cli.getCommandSpec().qualifiedName() + " --help'";
    report(cli.getErr(), line, e, java.util.Arrays.asList(args).contains(VERBOSE));
    return cli.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Classifies: the user's input (exit {@code badInput}), or a run that failed (exit 1). */
  static Verdict verdict(Throwable e, int badInput) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InputFormatException || t instanceof UserError || t instanceof OutputDirectoryExistsException
          || t instanceof ParameterException) {
        return new Verdict(badInput, t.getMessage());
      }
      if (t instanceof DfsException dfs) {
        // a path that is missing, taken or malformed is the user's to fix; a store without live DataNodes is not
        boolean users = switch (dfs.problem()) {
          case NOT_FOUND, ALREADY_EXISTS, PARENT_NOT_DIRECTORY, NOT_A_FILE, DIRECTORY_NOT_EMPTY, INVALID_PATH -> true;
          default -> false;
        };
        return new Verdict(users ? badInput : FAILED, dfs.path() + ": " + dfs.problem().name().toLowerCase().replace('_', ' ')
            + dfs.getMessage().substring((dfs.problem() + " " + dfs.path()).length()));
      }
      if (t instanceof NoSuchFileException missing) {
        return new Verdict(badInput, missing.getFile() + ": no such file or directory");
      }
      if (t instanceof AccessDeniedException denied) {
        return new Verdict(badInput, denied.getFile() + ": permission denied");
      }
    }
    if (e instanceof IllegalArgumentException) {
      return new Verdict(badInput, e.getMessage()); // an unknown engine id, an engine option that is not key=value
    }
    if (e instanceof JobFailedException) {
      Throwable root = rootCause(e);
      return new Verdict(FAILED, e.getMessage() + (root == e ? "" : ": " + describe(root)));
    }
    return new Verdict(FAILED, describe(e) + (e.getCause() == null ? "" : ": " + describe(rootCause(e))) + " (" + VERBOSE
        + " shows where)");
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** What a developer's exception says, or its type when it says nothing. */
  private static String describe(Throwable t) {
    return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static void report(PrintWriter err, String line, Throwable e, boolean verbose) {
    // One line: a message that itself spans lines (a nested exception's) is joined.
    err.println("lab: " + line.strip().replaceAll("\\s*\\R\\s*", " "));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(VERBOSE)) {
        return true;
      }
    }
    return false;
  }
}
