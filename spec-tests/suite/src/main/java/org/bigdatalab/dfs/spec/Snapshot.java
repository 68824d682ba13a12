package org.bigdatalab.dfs.spec;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.dfs.FileStatus;

/**
 * A whole namespace as text, read through a store's public operations only: every path mapped to
 * {@code dir} or to its bytes' length and CRC32 (read back in full). Two snapshots are equal when
 * the namespaces hold the same directories and the same bytes.
 */
public final class Snapshot {
  private Snapshot() {}

  public static Map<String, String> of(DistributedFileSystem fs) throws IOException {
    Map<String, String> out = new TreeMap<>();
    walk(fs, DfsPath.ROOT, out);
    return out;
  }

  private static void walk(DistributedFileSystem fs, DfsPath dir, Map<String, String> out) throws IOException {
    out.put(dir.value(), "dir");
    for (FileStatus s : fs.listStatus(dir)) {
      if (s.directory()) {
        walk(fs, s.path(), out);
      } else {
        try (DfsInput in = fs.open(s.path())) {
          out.put(s.path().value(), describeBytes(in.readRemaining()));
        }
      }
    }
  }

  static String describeBytes(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return data.length + "B crc32=" + Long.toHexString(crc.getValue());
  }
}
