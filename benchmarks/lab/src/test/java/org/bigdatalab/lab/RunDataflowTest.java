package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab run} on dataflow engines reads the same files as on MapReduce and must give the same
 * answers: word count, keyed sum (plain and salted) and the users-orders join, each on a small file,
 * compared with a MapReduce engine's output of the same command.
 */
class RunDataflowTest {
  @TempDir Path dir;
  private final LabCli cli = new LabCli();

  private int lab(String... args) {
    return cli.run(args);
  }

  /** The output's lines, sorted; MapReduce writes key TAB value, so do the dataflow jobs. */
  private static List<String> lines(Path out) throws Exception {
    List<String> all = new ArrayList<>();
    try (Stream<Path> parts = Files.list(out)) {
      for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        all.addAll(Files.readAllLines(p));
      }
    }
    all.sort(null);
    return all;
  }

  private List<String> run(String job, String engine, Path input, String... more) throws Exception {
    Path out = dir.resolve(job + "-" + engine + "-" + more.length);
    List<String> args = new ArrayList<>(List.of("run", job, "--engine", engine, "--input", input.toString(), "--output", out.toString()));
    args.addAll(List.of(more));
    assertThat(lab(args.toArray(String[]::new))).as(cli.err()).isZero();
    return lines(out);
  }

  @Test
  void wordCountOverADirectoryMatchesMapReduce() throws Exception {
    Path books = Files.createDirectory(dir.resolve("books"));
    Files.writeString(books.resolve("a.txt"), "The cat, the dog.\nA cat!\n");
    Files.writeString(books.resolve("b.txt"), "dog days\n");
    List<String> dataflow = run("wordcount", "df-parallel", books);
    assertThat(dataflow).containsExactly("a\t1", "cat\t2", "days\t1", "dog\t2", "the\t2");
    assertThat(run("wordcount", "mr-sequential", books)).isEqualTo(dataflow);
  }

  @Test
  void keyedSumSaltedOrNotGivesTheSameStatistics() throws Exception {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      csv.append(i % 10 == 0 ? "cold" + i : "hot").append(',').append(i).append('\n');
    }
    Path sums = Files.writeString(dir.resolve("sums.csv"), csv);
    List<String> plain = run("keyed-sum", "df-parallel", sums);
    assertThat(plain).contains("hot\tcount=270 sum=40500 min=1 max=299");
    assertThat(run("keyed-sum", "df-parallel", sums, "--salts", "8")).isEqualTo(plain);
    assertThat(run("keyed-sum", "df-sequential", sums, "--salts", "3")).isEqualTo(plain);
  }

  @Test
  void joinMatchesTheReduceSideJoin() throws Exception {
    Path records = Files.writeString(dir.resolve("shop.csv"), "U,1,ann\nU,2,bob\nO,1,30\nO,1,12\nO,3,99\n");
    List<String> dataflow = run("join", "df-sequential", records);
    assertThat(dataflow).containsExactly("1\tann,12", "1\tann,30");
    assertThat(run("join", "mr-sequential", records)).isEqualTo(dataflow);
  }

  @Test
  void aBadLineIsOneLineWithFileAndLineAndNothingIsWritten() throws Exception {
    Path sums = Files.writeString(dir.resolve("sums.csv"), "a,1\nb\n");
    Path out = dir.resolve("out");
    assertThat(lab("run", "keyed-sum", "--engine", "df-parallel", "--input", sums.toString(), "--output", out.toString())).isEqualTo(2);
    assertThat(cli.err().lines()).containsExactly("lab: " + sums + ":2: record: expected key,amount, got \"b\"");
    assertThat(out).doesNotExist();
  }

  @Test
  void aMapReduceOnlyJobIsRefusedOnADataflowEngine() throws Exception {
    Path text = Files.writeString(dir.resolve("t.txt"), "x\n");
    assertThat(lab("run", "terasort", "--engine", "df-parallel", "--input", text.toString(), "--output", dir.resolve("o").toString()))
        .isEqualTo(2);
    assertThat(cli.err().lines()).containsExactly(
        "lab: job 'terasort' runs on MapReduce engines; on dataflow engine df-parallel: wordcount, keyed-sum, join");
  }
}
