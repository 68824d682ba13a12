package org.bigdatalab.suite.matrix;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.ClauseCatalogue;
import org.bigdatalab.suite.Verifies;

/**
 * Checks a suite against the catalogue: every check names a known clause, its method name carries
 * the clause id and level, and every clause has at least one check. Returns the problems found.
 */
public final class SuiteLint {
  private SuiteLint() {}

  /** The check methods of a suite class and its superclasses. */
  public static List<Method> checks(Class<?> suite) {
    List<Method> methods = new ArrayList<>();
    for (Class<?> c = suite; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Verifies.class)) {
          methods.add(m);
        }
      }
    }
    return methods;
  }

  public static List<String> problems(Class<?> suite, ClauseCatalogue catalogue) {
    List<String> problems = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    for (Method m : checks(suite)) {
      String id = m.getAnnotation(Verifies.class).value();
      Clause clause = catalogue.find(id).orElse(null);
      if (clause == null) {
        problems.add(m.getName() + ": verifies unknown clause " + id);
        continue;
      }
      covered.add(id);
      String prefix = clause.level().name().toLowerCase(java.util.Locale.ROOT) + "_" + clause.methodFragment();
      if (!m.getName().equals(prefix) && !m.getName().startsWith(prefix + "_")) {
        problems.add(m.getName() + ": name should start with " + prefix);
      }
    }
    for (Clause clause : catalogue.clauses()) {
      if (!covered.contains(clause.id())) {
        problems.add(clause.id() + ": no check verifies this clause");
      }
    }
    return problems;
  }
}
