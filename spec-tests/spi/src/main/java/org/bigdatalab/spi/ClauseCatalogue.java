package org.bigdatalab.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The clauses of one topic, in the order the spec numbers them. Ids are unique. */
public final class ClauseCatalogue {
  private final Topic topic;
  private final Map<String, Clause> byId;

  private ClauseCatalogue(Topic topic, List<Clause> clauses) {
    this.topic = topic;
    Map<String, Clause> map = new LinkedHashMap<>();
    for (Clause clause : clauses) {
      if (clause.topic() != topic) {
        throw new IllegalArgumentException(clause.id() + " belongs to " + clause.topic() + ", not " + topic);
      }
      if (map.put(clause.id(), clause) != null) {
        throw new IllegalArgumentException("clause id declared twice: " + clause.id());
      }
    }
    this.byId = Collections.unmodifiableMap(map);
  }

  public static ClauseCatalogue of(Topic topic, Clause... clauses) {
    return new ClauseCatalogue(topic, List.of(clauses));
  }

  public Topic topic() { return topic; }

  public List<Clause> clauses() { return new ArrayList<>(byId.values()); }

  public Optional<Clause> find(String id) { return Optional.ofNullable(byId.get(id)); }

  public Clause get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException(
        "no clause '" + id + "' in topic " + topic.id() + "; known: " + byId.keySet()));
  }
}
