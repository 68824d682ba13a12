package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab dfs} on {@code dfs-local}: each command a cluster of its own on the same store, so a
 * file put by one is listed, read and checked by the next, as with {@code hdfs dfs}.
 */
class DfsCommandTest {
  @TempDir Path dir;
  private final LabCli cli = new LabCli();

  /** Runs one command and returns what it printed on stdout. */
  private String lab(int expectedExit, String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      String[] withStore = new String[args.length + 2];
      System.arraycopy(args, 0, withStore, 0, args.length);
      withStore[args.length] = "--store";
      withStore[args.length + 1] = dir.resolve("store").toString();
      assertThat(cli.run(withStore)).as(cli.err()).isEqualTo(expectedExit);
    } finally {
      System.setOut(saved);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void putThenLsCatGetAndFsckInLaterCommands() throws Exception {
    byte[] data = new byte[(5 << 20) / 2]; // 2.5 MB: three 1 MB blocks
    new Random(3).nextBytes(data);
    Path local = Files.write(dir.resolve("data.bin"), data);
    lab(0, "dfs", "put", local.toString(), "/in/data.bin");

    assertThat(lab(0, "dfs", "ls", "/in")).isEqualTo(String.format("-   3      %d /in/data.bin%n", data.length));
    Path back = dir.resolve("back.bin");
    lab(0, "dfs", "get", "/in/data.bin", back.toString());
    assertThat(Files.readAllBytes(back)).isEqualTo(data);

    String fsck = lab(0, "dfs", "fsck", "/");
    assertThat(fsck).contains("/in/data.bin 2621440 bytes, 3 replicas wanted:")
        .contains("block 0 at 0, 1048576 bytes: 3 replica(s) on 2 rack(s)")
        .contains("block 2 at 2097152, 524288 bytes: 3 replica(s) on 2 rack(s)")
        .endsWith("1 file(s), 3 block(s), 0 under-replicated: HEALTHY" + System.lineSeparator());

    Path text = Files.writeString(dir.resolve("hello.txt"), "hello dfs\n");
    lab(0, "dfs", "put", text.toString(), "/hello.txt");
    assertThat(lab(0, "dfs", "cat", "/hello.txt")).isEqualTo("hello dfs\n");
  }

  @Test
  void mistakesAreOneLine() throws Exception {
    Path text = Files.writeString(dir.resolve("hello.txt"), "hello\n");
    lab(0, "dfs", "put", text.toString(), "/hello.txt");
    lab(2, "dfs", "put", text.toString(), "/hello.txt");
    assertThat(cli.err().lines()).singleElement().asString().startsWith("lab: /hello.txt: already exists");
    cli.clear();
    lab(2, "dfs", "cat", "/nothing.txt");
    assertThat(cli.err().lines()).singleElement().asString().startsWith("lab: /nothing.txt: not found");
    cli.clear();
    lab(2, "dfs", "put", dir.resolve("missing.txt").toString(), "/m.txt");
    assertThat(cli.err().lines()).containsExactly("lab: " + dir.resolve("missing.txt") + ": no such file or directory");
    cli.clear();
    lab(2, "dfs", "ls", "/", "--engine", "dfs-memory");
    assertThat(cli.err().lines()).singleElement().asString().startsWith("lab: dfs-memory keeps nothing between commands");
  }
}
