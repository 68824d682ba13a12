package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.workloads.TeraRecordGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab run} as a user meets it: every mistake is one line on stderr naming the file, the line or
 * byte offset and the field, exit code 2, no stack trace (unless {@code --verbose}), and nothing written.
 */
class RunCommandErrorsTest {
  @TempDir Path dir;
  private final LabCli cli = new LabCli();

  private int lab(String... args) {
    return cli.run(args);
  }

  /** Asserts one line on stderr, {@code lab: } then {@code message}, and no trace of Java's insides. */
  private void assertOneLine(String message) {
    assertThat(cli.err().lines()).singleElement().asString()
        .isEqualTo("lab: " + message).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void aMissingInputFileIsOneLineAndExitTwo() {
    Path out = dir.resolve("out");
    assertThat(lab("run", "wordcount", "--engine", "mr-sequential", "--input", dir.resolve("missing.txt").toString(),
        "--output", out.toString())).isEqualTo(2);
    assertOneLine(dir.resolve("missing.txt") + ": no such file or directory");
    assertThat(out).doesNotExist();
  }

  @Test
  void anUnreadableInputFileIsOneLine() throws Exception {
    Path secret = file("secret.txt", "a b\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    Assumptions.assumeFalse(Files.isReadable(secret), "running as root, who reads every file: no unreadable file can be made");
    assertThat(lab("run", "wordcount", "--engine", "mr-sequential", "--input", secret.toString(),
        "--output", dir.resolve("out").toString())).isEqualTo(2);
    assertOneLine(secret + ": cannot be read (permission denied)");
  }

  @Test
  void aMistypedOptionSaysWhatWasMeant() throws Exception {
    assertThat(lab("run", "wordcount", "--input", file("in.txt", "a\n").toString(), "--output", "x", "--reducrs", "3"))
        .isEqualTo(2);
    assertThat(cli.err().lines()).singleElement().asString().startsWith("lab: Unknown options: '--reducrs'")
        .contains("did you mean --reducers?").endsWith("see 'lab run --help'");
    cli.clear();
    assertThat(lab("run", "wordcount", "--output", "x")).isEqualTo(2);
    assertOneLine("Missing required option: '--input=<inputs>'; see 'lab run --help'");
  }

  @Test
  void anUnknownEngineIdNamesTheKnownOnes() throws Exception {
    assertThat(lab("run", "wordcount", "--engine", "no-such-engine", "--input", file("in.txt", "a\n").toString(),
        "--output", dir.resolve("out").toString())).isEqualTo(2);
    assertThat(cli.err().lines()).singleElement().asString().startsWith("lab: no engine 'no-such-engine' on the class path")
        .contains("mr-parallel");
  }

  @Test
  void anUnknownJobNamesTheKnownOnes() throws Exception {
    assertThat(lab("run", "wordcuont", "--input", file("in.txt", "a\n").toString(), "--output", dir.resolve("out").toString()))
        .isEqualTo(2);
    assertThat(cli.err().lines()).singleElement().asString()
        .startsWith("lab: unknown job 'wordcuont'; known: " + String.join(", ", RunCommand.JOBS) + " (MapReduce), ")
        .contains("windowed-count");
  }

  @Test
  void grepWithoutAPatternIsRefused() throws Exception {
    Path out = dir.resolve("out");
    assertThat(lab("run", "grep", "--engine", "mr-sequential", "--input", file("in.txt", "running\n").toString(),
        "--output", out.toString())).isEqualTo(2);
    assertOneLine("grep needs --pattern REGEX (a java.util.regex expression, e.g. --pattern '[a-z]+ing')");
    assertThat(out).doesNotExist();
  }

  @Test
  void aBadRecordNamesFileLineAndField() throws Exception {
    Path sums = file("sums.csv", "a,1\nb,2\nc,three\n");
    Path out = dir.resolve("out");
    assertThat(lab("run", "keyed-sum", "--engine", "mr-sequential", "--input", sums.toString(), "--output", out.toString()))
        .isEqualTo(2);
    assertOneLine(sums + ":3: amount: not a number: \"three\"");
    assertThat(out).doesNotExist();
  }

  @Test
  void terasortOnInputThatIsNotWholeRecordsNamesTheOffsetAndWritesNothing() throws Exception {
    Path records = dir.resolve("tera.dat");
    try (var w = Files.newOutputStream(records)) {
      new TeraRecordGenerator(7).writeRows(w, 0, 2); // two good records
      w.write(new byte[50]);
    }
    Path out = dir.resolve("out");
    assertThat(lab("run", "terasort", "--engine", "mr-sequential", "--input", records.toString(), "--output", out.toString()))
        .isEqualTo(2);
    assertOneLine(records + ":200: record: 50 bytes at the end of the file, not a whole 100-byte record");
    assertThat(out).doesNotExist();

    Path random = dir.resolve("random.dat");
    byte[] noise = new byte[250];
    new java.util.Random(1).nextBytes(noise);
    noise[98] = 'x'; // whatever the seed drew, the first record does not end in CR LF
    Files.write(random, noise);
    assertThat(lab("run", "terasort", "--engine", "mr-sequential", "--input", random.toString(), "--output", out.toString()))
        .isEqualTo(2);
    assertThat(cli.err().lines().toList().get(1)).startsWith("lab: " + random + ":0: record: ");
    assertThat(out).doesNotExist();
  }

  @Test
  void anExistingOutputDirectoryIsRefusedBeforeTheJob() throws Exception {
    Path out = Files.createDirectory(dir.resolve("out"));
    assertThat(lab("run", "wordcount", "--engine", "mr-sequential", "--input", file("in.txt", "a\n").toString(),
        "--output", out.toString())).isEqualTo(2);
    assertOneLine(out + ": output directory exists; choose a new one or delete it (output is never overwritten)");
  }

  @Test
  void verboseAddsTheStackTraceAfterTheLine() {
    assertThat(lab("run", "wordcount", "--verbose", "--input", dir.resolve("missing.txt").toString(),
        "--output", dir.resolve("out").toString())).isEqualTo(2);
    List<String> lines = cli.err().lines().toList();
    assertThat(lines.get(0)).isEqualTo("lab: " + dir.resolve("missing.txt") + ": no such file or directory");
    assertThat(lines).hasSizeGreaterThan(2).anyMatch(l -> l.contains("at org.bigdatalab.lab.InputFiles"));
  }

  @Test
  void aDirectoryInputIsEveryFileInItAsHadoopReadsIt() throws Exception {
    Path books = Files.createDirectory(dir.resolve("books"));
    Files.writeString(books.resolve("a.txt"), "the cat\n");
    Files.writeString(books.resolve("b.txt"), "the dog\n");
    Files.writeString(books.resolve("_SUCCESS"), "the hidden\n"); // a previous job's marker: skipped, as Hadoop skips it
    Path out = dir.resolve("out");
    assertThat(lab("run", "wordcount", "--engine", "mr-sequential", "--input", books.toString(), "--output", out.toString()))
        .as(cli.err()).isZero();
    Map<String, Long> counts = new TreeMap<>();
    JobOutput.read(out, WordCount.withCombiner(1)).forEach(part -> part.forEach(kv -> counts.put(kv.key(), kv.value())));
    assertThat(counts).isEqualTo(Map.of("cat", 1L, "dog", 1L, "the", 2L));
  }
}
