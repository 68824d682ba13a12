package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bigdatalab.guide.Ch17_Recommendations.Action;
import org.bigdatalab.log.EventLog;
import org.junit.jupiter.api.Test;

/**
 * Chapter 17's pipeline on log-memory (the rendered page runs it on Kafka): every answer the endpoint
 * gives is what the actions say, computed here by hand, and the newcomer gets the cold-start answer.
 */
class Ch17Test {
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  static Ch17_Recommendations.Served serve() throws Exception {
    try (EventLog log = GuideEngines.create("log-memory", EventLog.class)) {
      return Ch17_Recommendations.run(log, NOWHERE);
    }
  }

  /** The answer for a user, computed from the actions directly, with no log, engine, store or server. */
  static String expected(String user) {
    List<Action> actions = Ch17_Recommendations.actions();
    Map<String, Long> interest = new HashMap<>();
    Map<String, Long> popularity = new HashMap<>();
    Set<String> seen = new TreeSet<>();
    for (Action a : actions) {
      popularity.merge(a.item(), a.weight(), Long::sum);
      if (a.user().equals(user)) {
        interest.merge(a.category(), a.weight(), Long::sum);
        seen.add(a.item());
      }
    }
    String category = interest.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .findFirst().orElseThrow().getKey();
    String items = popularity.entrySet().stream().filter(e -> e.getKey().startsWith(category + "-"))
        .filter(e -> !seen.contains(e.getKey()))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3).map(e -> "\"" + e.getKey() + "\"").collect(Collectors.joining(","));
    return "{\"user\":\"" + user + "\",\"category\":\"" + category + "\",\"cold_start\":false,\"items\":[" + items + "]}";
  }

  @Test
  void everyAnswerIsWhatTheActionsSayAndANewcomerGetsTheColdStartAnswer() throws Exception {
    Ch17_Recommendations.Served served = serve();
    assertThat(served.requests()).isEqualTo(Ch17_Recommendations.REQUESTS);
    for (String user : List.of("u7", "u12", "u33")) {
      assertThat(served.answers().get(user)).as(user).isEqualTo(expected(user));
    }
    assertThat(served.answers().get("newcomer")).contains("\"cold_start\":true").contains("\"items\":[\"");
    assertThat(served.keys()).isEqualTo(2 * Ch17_Recommendations.USERS + Ch17_Recommendations.CATEGORIES.size() + 1);
  }

  @Test
  void theExercisesAnswerHolds() throws Exception {
    Ch17_Recommendations.Served served = serve();
    assertThat(served.answers().get("u7")).isEqualTo("{\"user\":\"u7\",\"category\":\"music\",\"cold_start\":false,"
        + "\"items\":[\"music-6\",\"music-7\"]}");
    assertThat(expected("u7")).isEqualTo(served.answers().get("u7"));
  }
}
