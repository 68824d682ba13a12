package org.bigdatalab.guide;

import java.io.PrintStream;
import org.bigdatalab.mapreduce.MapReduceClauses;
import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.ClauseCatalogue;

/*
 * Why: a study guide usually states rules in prose, and prose cannot be checked. Here each rule of
 * a topic is a clause: a record with a stable id, the level at which engines must keep it, one
 * sentence a user can hold an engine to, the source the rule comes from, and where to look first
 * when an engine breaks it. The catalogue of a topic is code (MapReduceClauses.CATALOGUE), and it is
 * the only place a clause is described: the tests name clauses by id, the conformance matrix lists
 * them, and this program prints them. If the catalogue changes, the next build of the guide shows
 * the change, because this output is not typed by hand.
 *
 * How: walk the catalogue in the order the spec numbers it and print every field.
 */
public final class Ch01_ClauseCatalogue {
  private Ch01_ClauseCatalogue() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Prints the catalogue to {@code out}. */
  public static void run(PrintStream out) {
    // tag::print[]
    ClauseCatalogue catalogue = MapReduceClauses.CATALOGUE;
    out.printf("%d clauses in topic '%s' (%s)%n%n", catalogue.clauses().size(),
        catalogue.topic().id(), catalogue.topic().title());
    int number = 0;
    for (Clause clause : catalogue.clauses()) {
      out.printf("%2d. %s [%s]%n", ++number, clause.id(), clause.level());
      out.println(GuideText.wrap(clause.statement(), "    ", 100));
      out.println(GuideText.wrap("source: " + clause.source(), "    ", 100));
      out.println(GuideText.wrap("if it fails, check: " + clause.ifFails(), "    ", 100));
    }
    // end::print[]
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch01_ClauseCatalogue
end::run[]
 */
