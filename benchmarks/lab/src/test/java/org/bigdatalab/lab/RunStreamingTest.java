package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab run windowed-count|windowed-sum} on the streaming engines: event time from the file,
 * tumbling windows, a watermark that trails the largest time by a bound, late events set apart; the
 * sequential and the parallel engine give the same windows.
 */
class RunStreamingTest {
  @TempDir Path dir;
  private final LabCli cli = new LabCli();

  private int lab(String... args) {
    return cli.run(args);
  }

  /** Arrival order: ann at 1 s, bob at 4 s, ann at 12 s (the watermark passes 10 s), then ann at 3 s: late. */
  private Path events() throws Exception {
    return Files.writeString(dir.resolve("clicks.csv"), "1000,ann,5\n4000,bob,1\n12000,ann,2\n3000,ann,7\n19000,bob,4\n");
  }

  @Test
  void windowedCountAndSumInTumblingWindowsWithLateEventsApart() throws Exception {
    Path clicks = events();
    for (String engine : List.of("stream-sequential", "stream-parallel")) {
      Path out = dir.resolve("count-" + engine);
      assertThat(lab("run", "windowed-count", "--engine", engine, "--input", clicks.toString(), "--output", out.toString(),
          "--window", "10s", "--watermark-bound", "1s")).as(cli.err()).isZero();
      assertThat(Files.readAllLines(out.resolve("part-00000")).stream().sorted().toList()).as(engine).containsExactly(
          "ann\t[0,10000)\t1\tfinal", "ann\t[10000,20000)\t1\tfinal", "bob\t[0,10000)\t1\tfinal", "bob\t[10000,20000)\t1\tfinal");
      assertThat(Files.readAllLines(out.resolve("late"))).as(engine).containsExactly("3000,ann,7\tlate: watermark was 11000");
    }
    Path sums = dir.resolve("sum");
    assertThat(lab("run", "windowed-sum", "--engine", "stream-parallel", "--input", clicks.toString(), "--output", sums.toString(),
        "--window", "20s", "--watermark-bound", "10s")).isZero();
    assertThat(Files.readAllLines(sums.resolve("part-00000")).stream().sorted().toList())
        .containsExactly("ann\t[0,20000)\t14\tfinal", "bob\t[0,20000)\t5\tfinal");
  }

  @Test
  void nexmarkQueriesReadTheirTopicOfAFileOfEvents() throws Exception {
    Path events = Files.writeString(dir.resolve("nexmark.csv"), String.join("\n", "P,500,7,ann,Oslo,OS", "A,600,1,7,10,5,100,60000",
        "B,1000,1,8,50", "B,3000,2,9,80", "B,12000,1,8,20", "B,25000,1,9,30") + "\n");
    assertThat(nexmark("nexmark-q7", events)).containsExactly("all\t[0,10000)\tB,3000,2,9,80\tfinal",
        "all\t[10000,20000)\tB,12000,1,8,20\tfinal", "all\t[20000,30000)\tB,25000,1,9,30\tfinal");
    List<String> q5 = nexmark("nexmark-q5", events, "--slide", "5s");
    assertThat(q5).hasSize(8).contains("1\t[0,10000)\t1\tfinal", "2\t[0,10000)\t1\tfinal", "1\t[25000,35000)\t1\tfinal");
    assertThat(nexmark("nexmark-q11", events)).hasSize(4).allMatch(line -> line.contains(")\t1\t"));
    assertThat(nexmark("nexmark-q8", events)).singleElement().asString().startsWith("7\t[0,10000)\t");
  }

  private List<String> nexmark(String query, Path events, String... more) throws Exception {
    Path out = dir.resolve(query);
    List<String> args = new java.util.ArrayList<>(List.of("run", query, "--engine", "stream-sequential", "--input", events.toString(),
        "--output", out.toString(), "--window", "10s"));
    args.addAll(List.of(more));
    assertThat(lab(args.toArray(String[]::new))).as(cli.err()).isZero();
    return Files.readAllLines(out.resolve("part-00000")).stream().sorted().toList();
  }

  @Test
  void aLineThatIsNotAnEventIsOneLineWithFileAndLine() throws Exception {
    Path clicks = Files.writeString(dir.resolve("clicks.csv"), "1000,ann,5\nnoon,bob,1\n");
    Path out = dir.resolve("out");
    assertThat(lab("run", "windowed-count", "--engine", "stream-parallel", "--input", clicks.toString(), "--output", out.toString()))
        .isEqualTo(2);
    assertThat(cli.err().lines()).containsExactly("lab: " + clicks + ":2: time: 'noon' is not a whole number");
    assertThat(out).doesNotExist();
  }
}
