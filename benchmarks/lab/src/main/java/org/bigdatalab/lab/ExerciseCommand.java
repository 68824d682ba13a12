package org.bigdatalab.lab;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.bigdatalab.guide.exercises.Kata;
import org.bigdatalab.guide.exercises.Katas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lab exercise NAME}: checks the learner's answer to one of the guide's katas with the
 * clauses it exercises, and prints "pass" or the clause, seed and minimal failing input. The
 * learner's file is compiled by ./lab's own rebuild, which runs whenever a source changed.
 */
@Command(name = "exercise", mixinStandardHelpOptions = true,
    description = {"Check your answer to one of the guide's exercises (katas) against the spec's clauses.",
        "Edit the starter file that --list names, then run: lab exercise NAME. Exit 0 on pass, 1 on a failed clause."})
final class ExerciseCommand implements Callable<Integer> {
  /** Where the learner's starter files are, relative to the project root. */
  static final String SOURCES = "guide/src/main/java/";

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The exercise to check (see --list).")
  String name;

  @Option(names = "--list", description = "List the exercises: name, chapter, clauses, file to edit, statement.")
  boolean list;

  @Option(names = "--solution", description = "Check the exercise's solution instead of your file.")
  boolean solution;

  @Option(names = "--seed", description = "Seed of the generated cases (default: a new one each run; a failure prints it).")
  Long seed;

  @Option(names = "--tries", defaultValue = "100", description = "Generated cases to check (default ${DEFAULT-VALUE}).")
  int tries;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      for (Kata<?, ?> kata : Katas.all()) {
        out.printf("%-14s chapter %s; clauses %s%n", kata.name(), kata.chapter(), String.join(", ", kata.clauses()));
        out.printf("%-14s edit %s%n", "", starterFile(kata));
        out.printf("%-14s %s%n", "", kata.statement());
      }
      out.flush();
      return 0;
    }
    if (name == null) {
      throw new UserError("exercise: name an exercise, or use --list to see them");
    }
    if (tries < 1) {
      throw new UserError("exercise: --tries must be at least 1, got " + tries);
    }
    Kata<?, ?> kata = Katas.find(name).orElseThrow(() -> new UserError("exercise: no exercise named '" + name
        + "'; there are " + Katas.all().stream().map(Kata::name).collect(Collectors.joining(", "))));
    long s = seed != null ? seed : ThreadLocalRandom.current().nextLong();
    Kata.Verdict verdict = kata.run(solution, s, tries);
    out.println(verdict.report());
    if (!verdict.passed()) {
      out.println("  replay: lab exercise " + name + (solution ? " --solution" : "") + " --seed " + s
          + (solution ? "" : "   (your file: " + starterFile(kata) + ")"));
    }
    out.flush();
    return verdict.passed() ? 0 : LabErrors.FAILED;
  }

  static String starterFile(Kata<?, ?> kata) {
    return SOURCES + kata.starter().getName().replace('.', '/') + ".java";
  }
}
