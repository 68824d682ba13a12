package org.bigdatalab.streaming;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a run emitted, as committed to its sinks: window results in emission order, the
 * watermarks the job emitted, the late side output (or a count of dropped late events), the dead
 * letters, and how many times the job restarted from a checkpoint. The results and watermarks
 * may be {@link ComputedList}s, whose elements an engine makes only when they are read.
 */
public record StreamingResult<R>(List<WindowResult<R>> results, List<Long> watermarks, List<LateEvent> late,
                                 long droppedLate, List<DeadLetter> deadLetters, int restarts) {

  public StreamingResult {
    results = ComputedList.keepOrCopy(results); // a computed list is immutable already, and a copy would make every element
    watermarks = ComputedList.keepOrCopy(watermarks);
    late = List.copyOf(late);
    deadLetters = List.copyOf(deadLetters);
  }

  /**
   * The final value of each key's window: the last result emitted for it (in final-results mode,
   * the only one). Sorted by key and window, so two runs compare as maps.
   */
  public Map<WindowResult.Id, R> finalValues() {
    Map<WindowResult.Id, R> values = new TreeMap<>();
    results.forEach(r -> values.put(r.id(), r.value()));
    return values;
  }
}
