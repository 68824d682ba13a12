package org.bigdatalab.lambda;

import static org.bigdatalab.spi.Clause.Level.REQUIRED;

import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.ClauseCatalogue;
import org.bigdatalab.spi.Topic;

/**
 * The Kappa architecture clauses: one streaming job over the log is the only code path;
 * reprocessing is a second run of a job from the start of the log, and readers switch to its view
 * once it has caught up. Checked on pipeline engines (see {@link PipelineEngine}).
 */
public final class KappaClauses {
  private KappaClauses() {}

  public static final String REPLAY_EQUALS_LIVE = "kappa.replay-equals-live";
  public static final String REPROCESS_SWITCH_ATOMIC = "kappa.reprocess.switch-atomic";

  private static final String KREPS = "Kreps, Questioning the Lambda Architecture (O'Reilly Radar, 2014)";
  private static final String SEED = "seed: Kappa architecture sketch (replay with startingOffsets)";

  public static final ClauseCatalogue CATALOGUE = ClauseCatalogue.of(Topic.KAPPA,
      new Clause(REPLAY_EQUALS_LIVE, Topic.KAPPA, REQUIRED,
          "Replaying the log from offset 0 gives the same view as the live job that read it in many polls; replaying from a"
              + " time gives the view of exactly the records at or after that time's first offset.",
          KREPS + "; " + SEED + " (it passes a date string as startingOffsets)",
          "a live job that resumes at its committed offset + 1, or a replay that starts at the wrong offset"),
      new Clause(REPROCESS_SWITCH_ATOMIC, Topic.KAPPA, REQUIRED,
          "While a job with new code reprocesses the log, readers see the old view until the new one has caught up with the"
              + " live job, then the new one; never a mix, never a half-built view.",
          KREPS + " (steps 1-4: start a second job from the start, write a new table, switch, stop and delete the old)",
          "a reader pointed at the new view when reprocessing starts, or views merged key by key during the switch"));
}
