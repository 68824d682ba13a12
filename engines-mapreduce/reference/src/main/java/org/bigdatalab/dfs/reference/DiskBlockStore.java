package org.bigdatalab.dfs.reference;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A DataNode's replicas as files, laid out as HDFS lays them out: {@code blk_<id>} holds the bytes
 * and {@code blk_<id>.meta} their checksums (a version short, the chunk size, then one CRC32C per
 * chunk). Both are written to a temporary name and moved into place, so a replica is never seen
 * half-written. The checksum streams are buffered: unbuffered, each 4-byte CRC was a system call.
 */
final class DiskBlockStore implements BlockStore {
  private static final short META_VERSION = 1;
  private final Path dir;
  /** Replica lengths by block id: the DataNode's in-memory replica map, rebuilt from the directory at start. */
  private final java.util.Map<Long, Long> lengths = new java.util.HashMap<>();

  DiskBlockStore(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
    for (long id : blockIds()) {
      lengths.put(id, Files.size(data(id)));
    }
  }

  private Path data(long id) { return dir.resolve("blk_" + id); }
  private Path meta(long id) { return dir.resolve("blk_" + id + ".meta"); }

  @Override public void put(Replica replica) throws IOException {
    long id = replica.blockId();
    Path tmpData = dir.resolve("blk_" + id + ".tmp");
    Path tmpMeta = dir.resolve("blk_" + id + ".meta.tmp");
    Files.write(tmpData, replica.data());
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmpMeta), 1 << 16))) {
      out.writeShort(META_VERSION);
      out.writeInt(Checksums.CHUNK);
      out.writeInt(replica.checksums().length);
      for (int sum : replica.checksums()) {
        out.writeInt(sum);
      }
    }
    Files.move(tmpMeta, meta(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.move(tmpData, data(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    lengths.put(id, (long) replica.length());
  }

  @Override public Optional<Replica> get(long id) throws IOException {
    if (!Files.exists(data(id)) || !Files.exists(meta(id))) {
      return Optional.empty();
    }
    byte[] bytes = Files.readAllBytes(data(id));
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(meta(id)), 1 << 16))) {
      short version = in.readShort();
      int chunk = in.readInt();
      if (version != META_VERSION || chunk != Checksums.CHUNK) {
        throw new IOException(meta(id) + ": unknown checksum header (version " + version + ", chunk " + chunk + ")");
      }
      int[] sums = new int[in.readInt()];
      for (int i = 0; i < sums.length; i++) {
        sums[i] = in.readInt();
      }
      return Optional.of(new Replica(id, bytes, sums));
    }
  }

  @Override public void delete(long id) throws IOException {
    Files.deleteIfExists(data(id));
    Files.deleteIfExists(meta(id));
    lengths.remove(id);
  }

  @Override public Set<Long> blockIds() throws IOException {
    Set<Long> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.matches("blk_\\d+"))
          .forEach(n -> ids.add(Long.parseLong(n.substring(4))));
    }
    return ids;
  }

  @Override public void corrupt(long id, int offset) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(data(id).toFile(), "rw")) {
      file.seek(offset);
      int b = file.read();
      file.seek(offset);
      file.write(b ^ 0x5A);
    }
  }

  @Override public long used() {
    return lengths.values().stream().mapToLong(Long::longValue).sum();
  }
}
