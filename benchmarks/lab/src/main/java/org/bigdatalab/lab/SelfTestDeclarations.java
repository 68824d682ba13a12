package org.bigdatalab.lab;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bigdatalab.spi.fork.EngineJvm;

/**
 * Which deliberately broken engine fails each clause, as the suites' self-tests declare it
 * ({@code Arguments.of(new CombinesTwice(), COMBINER_TRANSPARENT)} in {@code MapReduceSelfTest}).
 * The broken engines live in the engine modules' test sources, off the CLI's class path, so the
 * declarations are read from those sources in the checkout; the clause constants are resolved through
 * the file's static imports against the catalogues (on the class path). Outside a checkout there is
 * nothing to read, and the capability page says so.
 */
final class SelfTestDeclarations {
  private static final Pattern CASE = Pattern.compile(
      "Arguments\\.of\\(\\s*new\\s+([\\w.]+)\\((?:[^()]|\\([^()]*\\))*\\)\\s*,\\s*(?:([A-Z]\\w*)\\.)?([A-Z][A-Z0-9_]*)\\s*\\)");
  private static final Pattern STATIC_IMPORT = Pattern.compile("import static ([\\w.]+)\\.(\\w+|\\*);");

  private SelfTestDeclarations() {}

  /** Clause id to the broken engines (class names) whose self-test must fail it; empty outside a checkout. */
  static Map<String, List<String>> read() throws IOException {
    Map<String, List<String>> byClause = new LinkedHashMap<>();
    Path root = checkout();
    if (root == null) {
      return byClause;
    }
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return name.equals("target") || name.startsWith(".") || name.equals("node_modules") ? FileVisitResult.SKIP_SUBTREE
            : FileVisitResult.CONTINUE;
      }

      @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (file.getFileName().toString().endsWith("SelfTest.java") && file.toString().contains("src" + java.io.File.separator + "test")) {
          files.add(file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(null);
    for (Path file : files) {
      String source = Files.readString(file);
      Map<String, String> imported = new HashMap<>();
      List<String> wildcard = new ArrayList<>();
      Matcher imp = STATIC_IMPORT.matcher(source);
      while (imp.find()) {
        if (imp.group(2).equals("*")) {
          wildcard.add(imp.group(1));
        } else {
          imported.put(imp.group(2), imp.group(1));
        }
      }
      Matcher c = CASE.matcher(source);
      while (c.find()) {
        String owner = c.group(2) != null ? qualify(source, c.group(2)) : imported.get(c.group(3));
        List<String> candidates = owner != null ? List.of(owner) : wildcard;
        for (String type : candidates) {
          String id = constant(type, c.group(3));
          if (id != null) {
            List<String> engines = byClause.computeIfAbsent(id, k -> new ArrayList<>());
            String engine = c.group(1).substring(c.group(1).lastIndexOf('.') + 1);
            if (!engines.contains(engine)) {
              engines.add(engine);
            }
            break;
          }
        }
      }
    }
    return byClause;
  }

  /** The checkout holding the lab: the first directory up from the working one with {@code spec-tests/suite}. */
  private static Path checkout() {
    for (Path p = EngineJvm.root(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("spec-tests/suite"))) {
        return p;
      }
    }
    return null;
  }

  private static String qualify(String source, String simpleName) {
    Matcher m = Pattern.compile("import ([\\w.]+\\." + simpleName + ");").matcher(source);
    return m.find() ? m.group(1) : null;
  }

  private static String constant(String type, String name) {
    try {
      Field field = Class.forName(type).getField(name);
      return field.get(null) instanceof String s ? s : null;
    } catch (ReflectiveOperationException | LinkageError e) {
      return null; // not a catalogue on the class path: the declaration is skipped, not guessed
    }
  }
}
