package org.bigdatalab.dataflow.spec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Side-effect counters that functions handed to an engine can bump, to observe when and how often
 * they run. Functions capture the probe's name, not the counter: an engine that serializes
 * functions (Spark) would otherwise count on a copy.
 *
 * <p>A probe's name carries the address of its counter ({@code 127.0.0.1:port/uuid}): a function
 * that runs in another JVM on this machine (an executor of a cluster the test started) finds no
 * counter of that name there, so it sends the name to the JVM that made the probe and waits for
 * the count to be taken before it goes on. The count is therefore complete when the action that
 * ran the function returns, whichever JVM ran it. Counters listen on the loopback address only.
 */
public final class Probes {
  private static final Map<String, AtomicLong> COUNTERS = new ConcurrentHashMap<>();
  /** In a JVM that runs others' functions: one connection per counting JVM, used one hit at a time. */
  private static final Map<String, Connection> CONNECTIONS = new ConcurrentHashMap<>();
  private static String address;

  private Probes() {}

  /** A new probe's name, counting from zero. */
  public static String create() {
    String name = address() + "/" + UUID.randomUUID();
    COUNTERS.put(name, new AtomicLong());
    return name;
  }

  public static void hit(String probe) {
    AtomicLong counter = COUNTERS.get(probe);
    if (counter != null) {
      counter.incrementAndGet();
      return;
    }
    String at = probe.substring(0, probe.indexOf('/'));
    CONNECTIONS.computeIfAbsent(at, Connection::new).hit(probe);
  }

  public static long count(String probe) {
    return COUNTERS.get(probe).get();
  }

  public static void remove(String probe) {
    COUNTERS.remove(probe);
  }

  /** This JVM's counter address, listening from the first probe on. */
  private static synchronized String address() {
    if (address == null) {
      try {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        address = server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
        daemon("probe-counter", () -> {
          while (true) {
            Socket socket = server.accept();
            daemon("probe-counter-" + socket.getPort(), () -> serve(socket));
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException("probes: cannot listen on the loopback address", e);
      }
    }
    return address;
  }

  /** Counts each name a remote function sends and answers 1 once counted (0 for a probe it does not know). */
  private static void serve(Socket socket) throws IOException {
    try (socket; DataInputStream in = new DataInputStream(socket.getInputStream());
         DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
      while (true) {
        AtomicLong counter = COUNTERS.get(in.readUTF());
        if (counter != null) {
          counter.incrementAndGet();
        }
        out.writeByte(counter != null ? 1 : 0);
        out.flush();
      }
    } catch (java.io.EOFException closed) {
      // the other JVM is done
    }
  }

  private interface Body {
    void run() throws IOException;
  }

  private static void daemon(String name, Body body) {
    Thread t = new Thread(() -> {
      try {
        body.run();
      } catch (IOException e) {
        // a connection or the listener went away with its JVM
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  /** One connection to a counting JVM; a hit returns once that JVM has counted it. */
  private static final class Connection {
    private final String at;
    private Socket socket;
    private DataOutputStream out;
    private DataInputStream in;

    Connection(String at) {
      this.at = at;
    }

    synchronized void hit(String probe) {
      try {
        if (socket == null) {
          int colon = at.lastIndexOf(':');
          socket = new Socket(at.substring(0, colon), Integer.parseInt(at.substring(colon + 1)));
          out = new DataOutputStream(socket.getOutputStream());
          in = new DataInputStream(socket.getInputStream());
        }
        out.writeUTF(probe);
        out.flush();
        if (in.readByte() != 1) {
          throw new IllegalStateException("probes: the JVM at " + at + " has no probe " + probe + " (removed already?)");
        }
      } catch (IOException e) {
        socket = null;
        throw new UncheckedIOException("probes: cannot count " + probe + " at " + at, e);
      }
    }
  }
}
