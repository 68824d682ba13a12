package org.bigdatalab.cap;

import static org.bigdatalab.spi.Clause.Level.OPTIONAL;
import static org.bigdatalab.spi.Clause.Level.REQUIRED;

import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.ClauseCatalogue;
import org.bigdatalab.spi.Topic;

/**
 * The CAP clauses: what a replicated register store keeps while the network partitions, drops,
 * delays and duplicates messages, nodes crash and clocks skew. The seed's "choose 2 of 3" is made
 * concrete: partitions are not optional, so during one a store gives up consistency (AP) or
 * availability (CP); PACELC adds the price a CP store pays in latency when there is no partition.
 *
 * <p>The CP clauses are optional because an AP store declares them unsupported, with its reason, and
 * the AP clauses the other way round; {@code cap.pacelc.latency} holds for both, in the direction
 * the engine's {@link CapEngine#consistency()} names. The ids are a contract.
 */
public final class CapClauses {
  private CapClauses() {}

  public static final String CP_LINEARIZABLE = "cap.cp.linearizable";
  public static final String CP_NO_ACKED_WRITE_LOST = "cap.cp.no-acked-write-lost";
  public static final String CP_MINORITY_UNAVAILABLE = "cap.cp.minority-unavailable";
  public static final String AP_AVAILABLE = "cap.ap.available";
  public static final String AP_CONVERGES = "cap.ap.converges";
  public static final String AP_ANOMALIES_REPORTED = "cap.ap.anomalies-reported";
  public static final String PACELC_LATENCY = "cap.pacelc.latency";

  private static final String GILBERT_LYNCH = "Gilbert & Lynch, Brewer's Conjecture and the Feasibility of Consistent,"
      + " Available, Partition-Tolerant Web Services (2002)";
  private static final String HERLIHY_WING = "Herlihy & Wing, Linearizability (1990); Jepsen's Knossos checker";
  private static final String ABADI = "Abadi, Consistency Tradeoffs in Modern Distributed Database System Design (PACELC, 2012)";
  private static final String SEED = "seed: CAP trade-offs (\"choose 2 out of 3; most big data systems choose AP\")";
  private static final String HLC = "Kulkarni et al., Logical Physical Clocks (HLC, 2014); DeCandia et al., Dynamo (2007)";

  public static final ClauseCatalogue CATALOGUE = ClauseCatalogue.of(Topic.CAP,
      new Clause(CP_LINEARIZABLE, Topic.CAP, OPTIONAL,
          "For a CP store, every history under any generated schedule of partitions, crashes and message loss is"
              + " linearizable (operations that timed out may or may not have taken effect).",
          HERLIHY_WING + "; " + GILBERT_LYNCH,
          "a read served by a replica that is not sure it is the leader, or an entry committed from an older term"),
      new Clause(CP_NO_ACKED_WRITE_LOST, Topic.CAP, OPTIONAL,
          "An acknowledged write is never lost, through any schedule: once the network heals and the nodes restart,"
              + " a read sees it or a later write.",
          "Kafka docs: acks=all with min.insync.replicas; Ongaro & Ousterhout, Raft (2014) section 5.4; " + SEED,
          "an acknowledgement sent before a majority stored the write, or a leader elected without the newest log"),
      new Clause(CP_MINORITY_UNAVAILABLE, Topic.CAP, OPTIONAL,
          "During a partition, writes on the minority side fail or time out (the store gives up availability),"
              + " while the majority side keeps serving them.",
          GILBERT_LYNCH + "; Raft (2014) section 5.2",
          "a node that acknowledges writes without hearing from a majority, or a majority that never elects a leader"),
      new Clause(AP_AVAILABLE, Topic.CAP, OPTIONAL,
          "An AP store answers every request at every reachable node during any partition: reads and writes succeed,"
              + " a compare-and-set succeeds or definitely fails; nothing times out.",
          GILBERT_LYNCH + " (availability); " + SEED,
          "a write that waits for a replica's acknowledgement, or a read that asks a quorum"),
      new Clause(AP_CONVERGES, Topic.CAP, OPTIONAL,
          "After the network heals and anti-entropy runs, all replicas hold the same value for every key"
              + " (last-writer-wins by hybrid logical clock).",
          HLC + "; Shapiro et al., Conflict-free Replicated Data Types (2011)",
          "anti-entropy that never runs or skips a key, or replicas that break timestamp ties differently"),
      new Clause(AP_ANOMALIES_REPORTED, Topic.CAP, OPTIONAL,
          "What an AP store gives up under each schedule is measured and reported (stale reads, writes lost to"
              + " concurrent writes, non-linearizable keys), and is only that: a write made after reading another"
              + " write at the same node is never lost to it.",
          HLC + " (causality); Bailis et al., Highly Available Transactions (2013)",
          "last-writer-wins by the wall clock, so a node whose clock runs behind loses the writes it makes after reading"),
      new Clause(PACELC_LATENCY, Topic.CAP, REQUIRED,
          "With no partition, a CP store's write latency (in simulated time) includes a quorum round trip and an AP"
              + " store's does not.",
          ABADI,
          "a CP store that acknowledges before a quorum answered, or an AP store that waits for a replica"));
}
