package org.bigdatalab.cap.reference;

import java.util.Map;
import org.bigdatalab.cap.RegisterOp;

/**
 * One replica in the simulation. A crash throws the object away; a restart makes a new one on the
 * same {@code disk}, so only what a node keeps on its disk survives. Our stores write every change
 * of their disk state before they act on it (as if each write were followed by fsync), so a crash
 * that loses unsynced data loses nothing of theirs.
 */
abstract class SimNode<D> {
  protected final NodeContext ctx;
  protected final D disk;

  SimNode(NodeContext ctx, D disk) {
    this.ctx = ctx;
    this.disk = disk;
  }

  /** Called when the node starts or restarts: set timers here. */
  abstract void start();

  abstract void onMessage(int from, Object message);

  abstract void onTimer(Object tag);

  /** A client next to this node sends {@code op}; answer through {@link NodeContext#reply}, now or later. */
  abstract void onClient(int ticket, RegisterOp op);

  /** What this node holds, key by key, without asking anyone. */
  abstract Map<String, Integer> localValues();
}
