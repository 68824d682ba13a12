package org.bigdatalab.kafka.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One real Kafka node in the test JVM: a KRaft server that is broker and controller at once, with
 * its log in a temporary directory, formatted as {@code kafka-storage.sh format} would. Settings a
 * one-node cluster needs: internal topics with one replica and one partition (the default 50
 * partitions each take seconds to create), and no initial rebalance delay (3 s for every new
 * Streams application otherwise).
 *
 * <p>One class for every module that needs a broker in its JVM ({@code kafka} starts one when no
 * {@code bootstrap.servers} is given; {@code kafka-streams}' broker tests start one), so a fix to
 * the start-up is made once. It has no engine and no lab dependency: a module takes it with the
 * Kafka server jars it needs anyway.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private final Path dir;
  private final KafkaRaftServer server;
  private final String bootstrapServers;

  /** Starts a node on two free loopback ports and returns once it answers an admin request. */
  public EmbeddedKafkaBroker() throws Exception {
    this("localhost");
  }

  /** The same, listening on {@code host} ({@code 127.0.0.1} for a broker other processes reach). */
  public EmbeddedKafkaBroker(String host) throws Exception {
    dir = Files.createTempDirectory("kraft");
    int brokerPort = freePort();
    int controllerPort = freePort();
    bootstrapServers = host + ":" + brokerPort;
    Map<String, Object> props = new HashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
    props.put("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", dir.toString());
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", "1");
    KafkaConfig config = new KafkaConfig(props, false);
    new Formatter().setClusterId(Uuid.randomUuid().toString()).setNodeId(1).setControllerListenerName("CONTROLLER")
        .setMetadataLogDirectory(dir.toString()).setDirectories(List.of(dir.toString()))
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION).setPrintStream(new PrintStream(OutputStream.nullOutputStream())).run();
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin.describeCluster().nodes().get();  // returns once the broker answers
    }
  }

  /**
   * A broker as a process of its own (what {@link KafkaBrokerJvm} starts): on 127.0.0.1, it prints
   * {@value #READY}{@code <bootstrap.servers>} once it answers, and serves until the JVM is stopped.
   */
  public static void main(String[] args) throws Exception {
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker("127.0.0.1");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        broker.close();
      } catch (IOException e) {
        e.printStackTrace(System.out);
      }
    }, "broker-stop"));
    System.out.println(READY + broker.bootstrapServers());
    System.out.flush();
    Thread.currentThread().join();
  }

  /** What {@link #main} prints once the broker answers, before its address. */
  static final String READY = "kafka broker ready, bootstrap.servers=";

  /** {@code host:port}, what clients take as {@code bootstrap.servers}. */
  public String bootstrapServers() { return bootstrapServers; }

  @Override
  public void close() throws IOException {
    // shutdown() alone returns before the log files are closed; deleting them then would race it.
    server.shutdown();
    server.awaitShutdown();
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
