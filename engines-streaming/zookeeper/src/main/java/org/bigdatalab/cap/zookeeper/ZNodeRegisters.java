package org.bigdatalab.cap.zookeeper;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;

/** Register operations on znodes through one client: what each one does, and how it ended. */
final class ZNodeRegisters {
  /** How an operation ended: the outcome and, for a read, the value. */
  record Result(Outcome outcome, Integer value) {}

  private ZNodeRegisters() {}

  static String path(String key) {
    return "/" + key;
  }

  static Result perform(CuratorFramework client, RegisterOp op, long timeoutMillis) {
    try {
      if (op instanceof RegisterOp.Read r) {
        sync(client, path(r.key()), timeoutMillis);
        return new Result(Outcome.OK, read(client, r.key()));
      }
      if (op instanceof RegisterOp.Write w) {
        write(client, w.key(), w.value());
        return new Result(Outcome.OK, null);
      }
      RegisterOp.Cas cas = (RegisterOp.Cas) op;
      Stat stat = new Stat();
      byte[] data = client.getData().storingStatIn(stat).forPath(path(cas.key()));
      if (!Objects.equals(decode(data), cas.expected())) {
        return new Result(Outcome.FAIL, null);
      }
      client.setData().withVersion(stat.getVersion()).forPath(path(cas.key()), encode(cas.value()));
      return new Result(Outcome.OK, null);
    } catch (KeeperException.NoNodeException | KeeperException.BadVersionException e) {
      return new Result(Outcome.FAIL, null); // a cas that found nothing, or lost its version: not applied
    } catch (Exception e) {
      // Connection loss, a lost session, a timeout: a read changed nothing; a write may have been applied.
      return new Result(op instanceof RegisterOp.Read ? Outcome.FAIL : Outcome.INFO, null);
    }
  }

  /** Brings the client's server up to date with the leader, so the read after it is not stale. */
  private static void sync(CuratorFramework client, String path, long timeoutMillis) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    client.sync().inBackground((c, event) -> done.countDown()).forPath(path);
    if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("sync timed out");
    }
  }

  static Integer read(CuratorFramework client, String key) throws Exception {
    try {
      return decode(client.getData().forPath(path(key)));
    } catch (KeeperException.NoNodeException e) {
      return null;
    }
  }

  private static void write(CuratorFramework client, String key, int value) throws Exception {
    try {
      client.setData().forPath(path(key), encode(value));
    } catch (KeeperException.NoNodeException e) {
      try {
        client.create().creatingParentsIfNeeded().forPath(path(key), encode(value));
      } catch (KeeperException.NodeExistsException raced) {
        client.setData().forPath(path(key), encode(value));
      }
    }
  }

  private static byte[] encode(int value) {
    return Integer.toString(value).getBytes(StandardCharsets.UTF_8);
  }

  private static Integer decode(byte[] data) {
    return data == null || data.length == 0 ? null : Integer.valueOf(new String(data, StandardCharsets.UTF_8));
  }
}
