package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bigdatalab.spi.fork.EngineJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab run} on an engine that lives in a module of its own, in a child JVM: Kafka Streams
 * (its TopologyTestDriver starts in about a second, the cheapest of the forked engines). Skipped, with
 * the reason, where that module is not built (a build of this module alone); {@code ./mvnw verify}
 * builds it before this one.
 */
class RunForkedTest {
  private static final Path CHECKOUT = Path.of("../..").toAbsolutePath().normalize();
  @TempDir Path dir;
  private final LabCli cli = new LabCli();
  private String savedRoot;

  @BeforeEach
  void atTheCheckoutRoot() {
    Assumptions.assumeTrue(Files.isRegularFile(CHECKOUT.resolve("engines-streaming/kafka-streams/target/lab-engine.classpath")),
        "engines-streaming/kafka-streams is not built here, so no forked engine can run");
    savedRoot = System.getProperty(EngineJvm.ROOT_PROPERTY);
    System.setProperty(EngineJvm.ROOT_PROPERTY, CHECKOUT.toString());
  }

  @AfterEach
  void restore() {
    if (savedRoot == null) {
      System.clearProperty(EngineJvm.ROOT_PROPERTY);
    } else {
      System.setProperty(EngineJvm.ROOT_PROPERTY, savedRoot);
    }
  }

  @Test
  void windowedCountOnKafkaStreamsInAJvmOfItsOwn() throws Exception {
    Path clicks = Files.writeString(dir.resolve("clicks.csv"), "1000,ann,5\n4000,bob,1\n12000,ann,2\n19000,bob,4\n");
    Path out = dir.resolve("out");
    assertThat(cli.run("run", "windowed-count", "--engine", "kafka-streams", "--input", clicks.toString(), "--output", out.toString(),
        "--window", "10s")).as(cli.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("part-00000")).stream().sorted().toList()).containsExactly(
        "ann\t[0,10000)\t1\tfinal", "ann\t[10000,20000)\t1\tfinal", "bob\t[0,10000)\t1\tfinal", "bob\t[10000,20000)\t1\tfinal");
  }

  @Test
  void aBadLineInTheChildIsTheCliOneLineError() throws Exception {
    Path clicks = Files.writeString(dir.resolve("clicks.csv"), "1000,ann,5\n4000,,1\n");
    Path out = dir.resolve("out");
    assertThat(cli.run("run", "windowed-count", "--engine", "kafka-streams", "--input", clicks.toString(), "--output", out.toString()))
        .isEqualTo(2);
    assertThat(cli.err().lines()).containsExactly("lab: " + clicks + ":2: user: is empty");
    assertThat(out).doesNotExist();
  }
}
