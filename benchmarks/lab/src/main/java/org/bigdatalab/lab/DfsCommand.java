package org.bigdatalab.lab;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.bigdatalab.dfs.BlockLocation;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.dfs.FileStatus;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab dfs put|get|ls|cat|fsck}: the file system commands of {@code hdfs dfs} and
 * {@code hdfs fsck} on the spec's DFS stores. With {@code dfs-local} (the default) the cluster lives
 * in {@code --store} between commands: four DataNodes on two racks, each a directory of block and
 * checksum files, and a NameNode edit log; the block size and replication are fixed when the store
 * is made. Another store takes its cluster from {@code --engine-opt} ({@code dfs-hdfs} with
 * {@code fs.defaultFS=hdfs://…}).
 */
@Command(name = "dfs", mixinStandardHelpOptions = true,
    description = "File system commands on a DFS store: put, get, ls, cat, fsck (blocks, replicas and racks).",
    subcommands = {DfsCommand.Put.class, DfsCommand.Get.class, DfsCommand.Ls.class, DfsCommand.Cat.class, DfsCommand.Fsck.class})
final class DfsCommand {

  /** The options every sub-command shares, and the cluster they name. */
  static final class Store {
    @Option(names = "--engine", defaultValue = "dfs-local", description = "DFS engine id (default ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--store", defaultValue = "target/lab-dfs",
        description = "dfs-local: the directory the cluster lives in between commands (default ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--block-size", defaultValue = "1048576", description = "Block size in bytes of a new store (default ${DEFAULT-VALUE}).")
    long blockSize;

    @Option(names = "--replication", defaultValue = "3", description = "Replicas per block of a new store (default ${DEFAULT-VALUE}).")
    int replication;

    @Option(names = "--engine-opt", description = "Engine option key=value (repeatable).")
    List<String> engineOptions = new ArrayList<>();

    /** The engine and its started cluster; closing the engine closes the cluster. */
    record Open(DfsEngine engine, DistributedFileSystem fs) implements AutoCloseable {
      @Override public void close() throws Exception {
        try (engine) {
          fs.close();
        }
      }
    }

    Open open() throws Exception {
      List<String> options = new ArrayList<>(engineOptions);
      if (engine.equals("dfs-local")) {
        options.add("dfs.local.store=" + store.toAbsolutePath());
      } else if (engineOptions.stream().noneMatch(o -> o.startsWith("fs.defaultFS="))) {
        // Each command is a JVM of its own: a store that lives in it (dfs-memory, an embedded MiniDFSCluster) forgets between commands.
        throw new UserError(engine + " keeps nothing between commands unless it names a running cluster "
            + "(--engine-opt fs.defaultFS=hdfs://namenode:8020); dfs-local keeps its files in --store");
      }
      DfsEngine e = EngineRegistry.load().create(engine, DfsEngine.class, EngineOptions.parse(options));
      try {
        return new Open(e, e.start(spec()));
      } catch (Exception failed) {
        e.close();
        throw failed;
      }
    }

    /** The store's cluster: fixed when the store is made (kept in {@code lab-dfs.properties}), so every command sees the same nodes. */
    private ClusterSpec spec() throws Exception {
      Properties saved = new Properties();
      Path file = store.resolve("lab-dfs.properties");
      if (engine.equals("dfs-local") && Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          saved.load(in);
        }
      } else {
        saved.setProperty("block.size", Long.toString(blockSize));
        saved.setProperty("replication", Integer.toString(replication));
        if (engine.equals("dfs-local")) {
          Files.createDirectories(store);
          try (OutputStream out = Files.newOutputStream(file)) {
            saved.store(out, "lab dfs: the cluster of this store");
          }
        }
      }
      return ClusterSpec.builder().capacity(1L << 40).rack("rack-a", "dn1", "dn2").rack("rack-b", "dn3", "dn4")
          .blockSize(Long.parseLong(saved.getProperty("block.size"))).replication(Integer.parseInt(saved.getProperty("replication")))
          .writerNode("dn1").build();
    }
  }

  @Command(name = "put", mixinStandardHelpOptions = true, description = "Copy a local file into the store.")
  static final class Put implements Callable<Integer> {
    @Mixin Store store;
    @Parameters(index = "0", paramLabel = "LOCAL") Path local;
    @Parameters(index = "1", paramLabel = "DFS_PATH") String target;

    @Override public Integer call() throws Exception {
      InputFiles.expand(List.of(local)); // one line for a missing or unreadable file
      try (Store.Open open = store.open(); DfsOutput out = open.fs().create(DfsPath.of(target), false);
           InputStream in = Files.newInputStream(local)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          out.write(buffer, 0, n);
        }
      }
      System.out.println("put " + local + " -> " + target);
      return 0;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Copy a file of the store to a local file that does not exist yet.")
  static final class Get implements Callable<Integer> {
    @Mixin Store store;
    @Parameters(index = "0", paramLabel = "DFS_PATH") String source;
    @Parameters(index = "1", paramLabel = "LOCAL") Path local;

    @Override public Integer call() throws Exception {
      if (Files.exists(local)) {
        throw new UserError(local + ": exists; get never overwrites a local file");
      }
      try (Store.Open open = store.open(); DfsInput in = open.fs().open(DfsPath.of(source))) {
        Files.write(local, in.readRemaining());
      }
      return 0;
    }
  }

  @Command(name = "cat", mixinStandardHelpOptions = true, description = "Print a file of the store.")
  static final class Cat implements Callable<Integer> {
    @Mixin Store store;
    @Parameters(index = "0", paramLabel = "DFS_PATH") String source;

    @Override public Integer call() throws Exception {
      try (Store.Open open = store.open(); DfsInput in = open.fs().open(DfsPath.of(source))) {
        System.out.write(in.readRemaining());
        System.out.flush();
      }
      return 0;
    }
  }

  @Command(name = "ls", mixinStandardHelpOptions = true, description = "List a directory of the store: kind, replication, length, path.")
  static final class Ls implements Callable<Integer> {
    @Mixin Store store;
    @Parameters(index = "0", paramLabel = "DFS_PATH", defaultValue = "/") String dir;

    @Override public Integer call() throws Exception {
      try (Store.Open open = store.open()) {
        for (FileStatus s : open.fs().listStatus(DfsPath.of(dir))) {
          System.out.printf("%s %3s %12d %s%n", s.directory() ? "d" : "-", s.directory() ? "-" : Integer.toString(s.replication()),
              s.length(), s.path());
        }
      }
      return 0;
    }
  }

  /** Every file under a path, block by block: offset, length, replicas and their racks, and what is under-replicated. */
  @Command(name = "fsck", mixinStandardHelpOptions = true, description = "Show every block under a path with its replicas and racks.")
  static final class Fsck implements Callable<Integer> {
    @Mixin Store store;
    @Parameters(index = "0", paramLabel = "DFS_PATH", defaultValue = "/") String root;

    @Override public Integer call() throws Exception {
      int files = 0;
      int blocks = 0;
      int under = 0;
      try (Store.Open open = store.open()) {
        List<FileStatus> todo = new ArrayList<>(List.of(open.fs().getFileStatus(DfsPath.of(root))));
        while (!todo.isEmpty()) {
          FileStatus s = todo.remove(0);
          if (s.directory()) {
            todo.addAll(open.fs().listStatus(s.path()));
            continue;
          }
          files++;
          System.out.println(s.path() + " " + s.length() + " bytes, " + s.replication() + " replicas wanted:");
          for (BlockLocation b : open.fs().blockLocations(s.path())) {
            blocks++;
            Map<String, List<String>> byRack = new TreeMap<>();
            b.replicas().forEach(r -> byRack.computeIfAbsent(r.rack(), k -> new ArrayList<>()).add(r.node()));
            boolean short_ = b.replicas().size() < s.replication();
            under += short_ ? 1 : 0;
            System.out.printf("  block %d at %d, %d bytes: %d replica(s) on %d rack(s) %s%s%n", b.index(), b.offset(), b.length(),
                b.replicas().size(), byRack.size(), byRack, short_ ? " UNDER-REPLICATED" : "");
          }
        }
      }
      System.out.println(files + " file(s), " + blocks + " block(s), " + under + " under-replicated: "
          + (under == 0 ? "HEALTHY" : "UNDER-REPLICATED"));
      return 0;
    }
  }
}
