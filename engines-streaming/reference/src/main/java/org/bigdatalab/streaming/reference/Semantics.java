package org.bigdatalab.streaming.reference;

import java.util.List;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.Windows;

/**
 * The few decisions a {@link WindowOperator} delegates to its engine. Honest engines keep the
 * defaults; the deliberately broken engines of the self-test override one each, so every broken
 * engine differs from an honest one in exactly one place.
 */
interface Semantics {

  /** The windows of a timestamp. */
  default List<Window> assign(Windows windows, long timestamp) { return windows.assign(timestamp); }

  /** Whether a new session absorbs every session it touches, or only the first. */
  default boolean mergesSessions() { return true; }

  /** The watermark at which a window fires on time: its end. */
  default long firesAt(Window window) { return window.end(); }

  /** Whether events beyond the lateness are reported (side output or count). */
  default boolean reportsLate() { return true; }

  /** Whether too-late events go to a side output or are counted as dropped. */
  default boolean sideOutput() { return true; }

  /** The lateness the job allows. */
  default long lateness(StreamingJob<?, ?, ?> job) { return job.allowedLateness(); }
}
