package org.bigdatalab.cap.reference;

import java.util.SplittableRandom;
import org.bigdatalab.cap.Outcome;

/** What a simulated node may do: everything goes through the simulation, so a seed replays it. */
interface NodeContext {
  int self();

  int nodes();

  /** This node's wall clock: simulated time plus its skew. */
  long wallClock();

  /** Sends a message; the network decides whether, when and how often it arrives. */
  void send(int to, Object message);

  /** Calls {@link SimNode#onTimer} with {@code tag} after {@code millis}, unless the node crashes first. */
  void timer(long millis, Object tag);

  /** Answers the client operation {@code ticket} (ignored if the client gave up). */
  void reply(int ticket, Outcome outcome, Integer value);

  /** The simulation's one random source. */
  SplittableRandom random();

  default int majority() {
    return nodes() / 2 + 1;
  }
}
