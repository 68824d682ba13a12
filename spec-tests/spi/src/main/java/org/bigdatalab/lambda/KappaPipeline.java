package org.bigdatalab.lambda;

import java.util.Map;

/**
 * A Kappa architecture over one topic of a log (see {@link KappaClauses}): one streaming job, the
 * live job, reads the log in polls and keeps the view readers query; its position is committed to
 * the log after each poll. Reprocessing with new code is a second job from offset 0 writing a new
 * view; readers switch to it once it has caught up with the live job, and the old view is dropped.
 *
 * <p>Assumptions and guarantees: {@link #reprocessStep} reads exactly {@code min(maxRecords, records
 * the live job has read and the new job has not)}, so a caller knows when the switch is due. Example:
 * the live job has read 6 records; steps of 4 then 4 read 4 then 2; the second step switches.
 */
public interface KappaPipeline {

  /** The live job polls until it has read everything appended so far, committing its position after each poll. */
  void catchUp();

  /** The view readers see now. */
  Map<ViewKey, Long> query();

  /** A fresh run of the live job's code from {@code from} to the log's end: what the view of exactly those records is. */
  Map<ViewKey, Long> replay(StartFrom from);

  /** Starts a job with new code from offset 0 of every partition; the live job goes on serving readers. */
  void startReprocessing(ViewDefinition<?> newCode);

  /**
   * The reprocessing job reads at most {@code maxRecords} more, never past the live job's positions;
   * when it has read exactly as far as the live job, readers switch to its view in one step, it
   * becomes the live job, and the old view is dropped.
   *
   * @return whether the switch has happened
   * @throws IllegalStateException when no reprocessing was started
   */
  boolean reprocessStep(int maxRecords);
}
