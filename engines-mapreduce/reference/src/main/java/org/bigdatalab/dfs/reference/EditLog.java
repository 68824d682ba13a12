package org.bigdatalab.dfs.reference;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * HDFS's way of persisting a namespace, in miniature: every edit is appended to {@code edits}
 * before the operation returns; on recovery the last checkpoint ({@code fsimage}) is loaded, the
 * edits replayed on it, and a new checkpoint written so the edit log starts empty again. Files
 * that were open for writing come back closed at their last recorded length (lease recovery).
 */
final class EditLog implements Journal {
  private final Path image;
  private final Path edits;
  private BufferedWriter out;

  EditLog(Path dir) throws IOException {
    Files.createDirectories(dir);
    this.image = dir.resolve("fsimage");
    this.edits = dir.resolve("edits");
    this.out = open();
  }

  private BufferedWriter open() throws IOException {
    return Files.newBufferedWriter(edits, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Override public synchronized void log(Edit edit) throws IOException {
    out.write(edit.toLine());
    out.write('\n');
    out.flush();
  }

  @Override public synchronized Namespace recover() throws IOException {
    out.close();
    Namespace ns = new Namespace();
    replay(image, ns);
    replay(edits, ns);
    Path tmp = image.resolveSibling("fsimage.ckpt");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (Edit e : ns.image()) {
        w.write(e.toLine());
        w.write('\n');
      }
    }
    Files.move(tmp, image, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.write(edits, new byte[0]);
    out = open();
    Namespace recovered = new Namespace();
    replay(image, recovered);
    return recovered;
  }

  private static void replay(Path file, Namespace ns) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isEmpty()) {
        ns.apply(Edit.parse(lines.get(i), file + ":" + (i + 1)));
      }
    }
  }

  void closeQuietly() {
    try {
      out.close();
    } catch (IOException ignored) {
      // closing an append-only log at shutdown; nothing left to lose
    }
  }
}
