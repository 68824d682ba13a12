package org.bigdatalab.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an engine says of itself: its id, the topic it implements, what kind of engine it is, and
 * the clauses it does not support, each with the reason. The declaration is checked against the
 * catalogue: an unknown clause, or one of another topic, is refused at once.
 */
public record EngineInfo(String id, String displayName, Topic topic, Kind kind, String description,
                         Map<String, String> unsupported) {

  private static final String WORDS = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
  /**
   * Lower-case words joined by '-' ({@code df-parallel}), the same on a cluster of separate processes
   * ({@code spark@standalone}: engine@deployment, its own row in the matrix), or a combination of
   * such engines under an architecture's name ({@code lambda:df-parallel+stream-parallel+log-local}).
   */
  private static final Pattern ID = Pattern.compile(WORDS + "(@" + WORDS + ")?|[a-z]+:" + WORDS + "(\\+" + WORDS + ")+");

  /** Reference engines are ours; real ones adapt a production system; broken ones exist to test the suite. */
  public enum Kind { REFERENCE, REAL, BROKEN }

  public EngineInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("engine id '" + id + "' must be lower-case words joined by '-', engine@deployment, or name:engine+engine…");
    }
    unsupported = Map.copyOf(unsupported);
    unsupported.forEach((clauseId, reason) -> {
      Clause clause = Catalogues.find(clauseId).orElseThrow(() -> new IllegalArgumentException(
          id + " declares unknown clause '" + clauseId + "' unsupported; known: "
              + Catalogues.clausesForEngines(topic).stream().map(Clause::id).toList()));
      if (clause.topic().engineTopic() != topic) {
        throw new IllegalArgumentException(id + " is a " + topic.id() + " engine; " + clauseId
            + " is checked on " + clause.topic().engineTopic().id() + " engines");
      }
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException(id + " declares " + clauseId + " unsupported without a reason");
      }
    });
  }

  public static Builder builder(String id, Topic topic) {
    return new Builder(id, topic);
  }

  public boolean supports(String clauseId) { return !unsupported.containsKey(clauseId); }

  /** Whether this row is an engine run on a cluster of separate processes ({@code engine@deployment}). */
  public boolean onCluster() { return id.contains("@"); }

  /**
   * This engine's declaration as the row of a cluster deployment: id {@code engine@deployment}, the
   * same declarations plus {@code more} (clauses that cannot be checked in that mode, with the reason).
   */
  public EngineInfo on(String deployment, String display, Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(unsupported);
    all.putAll(more);
    return new EngineInfo(id + "@" + deployment, displayName + " on " + display, topic, kind, description, all);
  }

  /** Builds an {@link EngineInfo}; reads well in an engine's provider. */
  public static final class Builder {
    private final String id;
    private final Topic topic;
    private String displayName;
    private Kind kind = Kind.REFERENCE;
    private String description = "";
    private final Map<String, String> unsupported = new LinkedHashMap<>();

    private Builder(String id, Topic topic) {
      this.id = id;
      this.topic = topic;
      this.displayName = id;
    }

    public Builder displayName(String name) { this.displayName = name; return this; }
    public Builder kind(Kind kind) { this.kind = kind; return this; }
    public Builder description(String text) { this.description = text; return this; }

    public Builder unsupported(String clauseId, String reason) {
      if (unsupported.put(clauseId, reason) != null) {
        throw new IllegalArgumentException(id + " declares " + clauseId + " unsupported twice");
      }
      return this;
    }

    public EngineInfo build() {
      return new EngineInfo(id, displayName, topic, kind, description, unsupported);
    }
  }
}
