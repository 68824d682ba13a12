package org.bigdatalab.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One clause of the spec: a property every conforming engine keeps.
 *
 * @param id        stable, lower-case, dot-separated id starting with the topic, e.g.
 *                  {@code mapreduce.combiner.transparent}; used in test names, the matrix and the guide
 * @param topic     the topic it belongs to
 * @param level     required of every engine, or optional (an engine may declare it unsupported)
 * @param statement one sentence a user can check an engine against
 * @param source    where the rule comes from (a paper, a project's documentation, a seed section)
 * @param ifFails   where to look first when it fails
 */
public record Clause(String id, Topic topic, Level level, String statement, String source, String ifFails) {

  private static final Pattern ID = Pattern.compile("[a-z]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

  /** Required clauses hold for every engine of the topic; optional ones only for engines that claim them. */
  public enum Level { REQUIRED, OPTIONAL }

  public Clause {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(ifFails, "ifFails");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("clause id '" + id + "' is not topic.area.rule in lower case");
    }
    if (!id.startsWith(topic.id() + ".")) {
      throw new IllegalArgumentException("clause id '" + id + "' does not start with its topic '" + topic.id() + ".'");
    }
  }

  /** The id as a Java identifier fragment, as used in test method names: dots and dashes become '_'. */
  public String methodFragment() {
    return id.replace('.', '_').replace('-', '_');
  }
}
