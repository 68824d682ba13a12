package org.bigdatalab.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bigdatalab.mapreduce.MapReduceClauses;

/**
 * The one source of truth for all clauses: every topic's catalogue. The matrix, the CLI and the
 * guide read clauses from here; tests refer to them by id.
 */
public final class Catalogues {
  private static final List<ClauseCatalogue> ALL = List.of(org.bigdatalab.dfs.DfsClauses.CATALOGUE, MapReduceClauses.CATALOGUE,
      org.bigdatalab.dataflow.DataflowClauses.CATALOGUE, org.bigdatalab.dataflow.SkewClauses.CATALOGUE,
      org.bigdatalab.streaming.StreamingClauses.CATALOGUE, org.bigdatalab.log.LogClauses.CATALOGUE,
      org.bigdatalab.lambda.LambdaClauses.CATALOGUE, org.bigdatalab.lambda.KappaClauses.CATALOGUE,
      org.bigdatalab.cap.CapClauses.CATALOGUE, org.bigdatalab.table.TableClauses.CATALOGUE);

  private Catalogues() {}

  public static List<ClauseCatalogue> all() { return ALL; }

  public static Optional<ClauseCatalogue> forTopic(Topic topic) {
    return ALL.stream().filter(c -> c.topic() == topic).findFirst();
  }

  public static List<Clause> allClauses() {
    List<Clause> clauses = new ArrayList<>();
    ALL.forEach(c -> clauses.addAll(c.clauses()));
    return clauses;
  }

  /** Every clause an engine of the given topic is checked against (its own and the topics it covers). */
  public static List<Clause> clausesForEngines(Topic engineTopic) {
    return allClauses().stream().filter(c -> c.topic().engineTopic() == engineTopic).toList();
  }

  /** Looks a clause up in any topic, by its id. */
  public static Optional<Clause> find(String id) {
    return ALL.stream().flatMap(c -> c.find(id).stream()).findFirst();
  }
}
