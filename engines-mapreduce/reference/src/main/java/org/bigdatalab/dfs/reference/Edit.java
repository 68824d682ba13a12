package org.bigdatalab.dfs.reference;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bigdatalab.dfs.DfsPath;

/**
 * One change to the NameNode's state, as its edit log records it. Every mutation of a
 * {@link Namespace} goes through {@link Namespace#apply(Edit)}, live or replayed, so what is logged
 * is exactly what was done. One line of text each; paths are URL-encoded so tabs and line breaks
 * in names cannot break a line.
 */
record Edit(Kind kind, DfsPath path, DfsPath target, long blockId, long length) {

  enum Kind { MKDIRS, CREATE, BLOCK, CLOSE, APPEND, RENAME, DELETE, NEXT_ID }

  Edit {
    Objects.requireNonNull(kind, "kind");
  }

  static Edit mkdirs(DfsPath p) { return new Edit(Kind.MKDIRS, p, null, 0, 0); }
  static Edit create(DfsPath p) { return new Edit(Kind.CREATE, p, null, 0, 0); }
  static Edit block(DfsPath p, long id, long length) { return new Edit(Kind.BLOCK, p, null, id, length); }
  static Edit close(DfsPath p) { return new Edit(Kind.CLOSE, p, null, 0, 0); }
  static Edit append(DfsPath p) { return new Edit(Kind.APPEND, p, null, 0, 0); }
  static Edit rename(DfsPath src, DfsPath dst) { return new Edit(Kind.RENAME, src, dst, 0, 0); }
  static Edit delete(DfsPath p) { return new Edit(Kind.DELETE, p, null, 0, 0); }
  static Edit nextId(long id) { return new Edit(Kind.NEXT_ID, null, null, id, 0); }

  String toLine() {
    return kind + "\t" + enc(path) + "\t" + enc(target) + "\t" + blockId + "\t" + length;
  }

  static Edit parse(String line, String where) {
    String[] f = line.split("\t", -1);
    if (f.length != 5) {
      throw new IllegalStateException(where + ": not an edit (5 tab-separated fields): " + line);
    }
    try {
      return new Edit(Kind.valueOf(f[0]), dec(f[1]), dec(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ": bad edit: " + line + " (" + e.getMessage() + ")", e);
    }
  }

  private static String enc(DfsPath p) {
    return p == null ? "-" : URLEncoder.encode(p.value(), StandardCharsets.UTF_8);
  }

  private static DfsPath dec(String s) {
    return s.equals("-") ? null : new DfsPath(URLDecoder.decode(s, StandardCharsets.UTF_8));
  }
}
