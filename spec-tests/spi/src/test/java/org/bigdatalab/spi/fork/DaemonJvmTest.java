package org.bigdatalab.spi.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon child JVM serves until closed, says when it is ready, keeps its log, and takes its own children down with it. */
class DaemonJvmTest {
  private static final Duration START = Duration.ofSeconds(60);

  /** A stand-in daemon: listens on a port, starts a grandchild process, says so, and serves until stopped. */
  public static final class Server {
    public static void main(String[] args) throws Exception {
      if (args.length > 0 && args[0].equals("fail")) {
        throw new IllegalArgumentException("bad config line 3: port");
      }
      ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      Process grandchild = new ProcessBuilder("sleep", "600").start();
      System.out.println("ready port=" + socket.getLocalPort() + " grandchild=" + grandchild.pid());
      while (true) {
        socket.accept().close();
      }
    }
  }

  private static EngineJvm.Launch launch() {
    return EngineJvm.launch("test-server", EngineJvm.split(System.getProperty("java.class.path")), Server.class.getName())
        .heapMegabytes(64).purpose("the test server");
  }

  @Test
  void aDaemonServesUntilClosedAndTakesWhatItStartedWithIt(@TempDir Path logs) throws Exception {
    long grandchild;
    DaemonJvm daemon = launch().start(List.of(), logs);
    try (daemon) {
      Matcher ready = daemon.awaitLine(Pattern.compile("ready port=(\\d+) grandchild=(\\d+)"), START);
      grandchild = Long.parseLong(ready.group(2));
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(ready.group(1)))) {
        assertThat(s.isConnected()).isTrue();
      }
      assertThat(ProcessHandle.of(grandchild)).hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue());
    }
    assertThat(daemon.isAlive()).isFalse();
    assertThat(ProcessHandle.of(grandchild).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(Files.readString(logs.resolve("test-server.log"))).contains("ready port=");
  }

  @Test
  void aDaemonThatDiesBeforeItIsReadyFailsWithItsLog(@TempDir Path logs) throws IOException {
    try (DaemonJvm daemon = launch().start(List.of("fail"), logs)) {
      assertThatThrownBy(() -> daemon.awaitLine(Pattern.compile("ready"), START))
          .hasMessageContaining("the test server (test-server, pid " + daemon.pid() + ") exited (exit 1)")
          .hasMessageContaining(logs.resolve("test-server.log").toString())
          .hasMessageContaining("bad config line 3: port");
    }
  }
}
