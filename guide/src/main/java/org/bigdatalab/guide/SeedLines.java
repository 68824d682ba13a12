package org.bigdatalab.guide;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a piece of the seed's code with the JDK's own compiler against this JVM's class path, and
 * returns what javac says: a chapter program forked into an engine's module (so that class path holds
 * the engine version the lab uses) shows in its output why the seed's lines no longer compile there,
 * instead of the chapter asserting it.
 */
final class SeedLines {
  private SeedLines() {}

  /**
   * The removed-API chapters' one shape: prints javac's verdict on the seed's {@code source} (described as
   * {@code what}), then runs {@code today}, the replacement compiled in the engine's module, in this JVM.
   */
  static void show(String what, String className, String source, String today, PrintStream out) throws Exception {
    List<String> errors = errors(className, source);
    out.printf("%s, compiled by javac against this class path: %d errors%n", what, errors.size());
    errors.forEach(e -> out.println("  " + e));
    out.println();
    ForkedChapter.runHere(today, out);
  }

  /** javac's errors for {@code source} (a compilation unit declaring {@code className}), one line each; empty when it compiles. */
  static List<String> errors(String className, String source) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("guide: no Java compiler in " + System.getProperty("java.home") + " (a JDK is needed, not a JRE)");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    try (Scratch classes = Scratch.create("seed-lines");
         StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.dir().toString(),
          "-proc:none", "-Xlint:none", "-XDrawDiagnostics=false");
      javac.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        String line = source.lines().skip(d.getLineNumber() - 1).findFirst().orElse("").strip();
        errors.add(String.format("%s%n    at: %s", d.getMessage(Locale.ROOT).replaceAll("\\s*\\R\\s*", "; "), line));
      }
    }
    return errors;
  }
}
