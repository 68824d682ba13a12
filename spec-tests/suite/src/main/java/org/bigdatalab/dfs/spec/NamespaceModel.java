package org.bigdatalab.dfs.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bigdatalab.dfs.DfsPath;

/**
 * The namespace oracle: Hadoop's FileSystem rules for mkdirs, create, rename, delete, listStatus and
 * getFileStatus over a sorted map of path to entry, and nothing else. A rename the spec lets a store
 * refuse in two ways gives {@code refused}; the suite turns that into the store's declared refusal.
 *
 * <p>Rules, with examples ({@code /a} a directory holding file {@code /a/f}):
 * <ol>
 *   <li>mkdirs creates missing parents: mkdirs(/a/b/c) gives /a/b and /a/b/c; over a file it fails
 *       (ALREADY_EXISTS), under a file too (PARENT_NOT_DIRECTORY).
 *   <li>create makes parents; over a directory fails (ALREADY_EXISTS), over a file only with
 *       overwrite.
 *   <li>rename(/a/f, /a) is a no-op that succeeds (the target is /a/f itself); rename onto an
 *       existing directory moves under it: rename(/b, /a) gives /a/b; onto an existing file, into
 *       its own subtree, from a missing source or to a missing parent: refused.
 *   <li>delete of a missing path gives false; of a non-empty directory needs recursive.
 *   <li>listStatus of a file lists the file itself.
 * </ol>
 */
public final class NamespaceModel {
  private record Entry(boolean directory, byte[] data) {}

  private final TreeMap<String, Entry> entries = new TreeMap<>();

  public NamespaceModel() {
    entries.put("/", new Entry(true, null));
  }

  private boolean isDir(DfsPath p) { return entries.containsKey(p.value()) && entries.get(p.value()).directory(); }
  private boolean isFile(DfsPath p) { return entries.containsKey(p.value()) && !entries.get(p.value()).directory(); }
  private boolean exists(DfsPath p) { return entries.containsKey(p.value()); }

  private boolean fileAncestor(DfsPath p) {
    for (DfsPath a = p; !a.isRoot(); ) {
      a = a.parent();
      if (isFile(a)) {
        return true;
      }
    }
    return false;
  }

  private Map<String, Entry> subtree(DfsPath p) {
    Map<String, Entry> sub = new TreeMap<>(entries.subMap(p.value() + "/", p.value() + "0"));
    sub.put(p.value(), entries.get(p.value()));
    return sub;
  }

  private List<DfsPath> children(DfsPath dir) {
    List<DfsPath> out = new ArrayList<>();
    for (String k : entries.keySet()) {
      DfsPath c = new DfsPath(k);
      if (!c.isRoot() && c.parent().equals(dir)) {
        out.add(c);
      }
    }
    return out;
  }

  private void mkdirsUnchecked(DfsPath p) {
    for (DfsPath a = p; !a.isRoot() && !exists(a); a = a.parent()) {
      entries.put(a.value(), new Entry(true, null));
    }
  }

  /** The outcome the spec requires of {@code op} here, and the change it makes. */
  public String apply(NamespaceOp op) {
    if (op instanceof NamespaceOp.Mkdirs m) {
      if (isFile(m.path())) {
        return "error ALREADY_EXISTS";
      }
      if (fileAncestor(m.path())) {
        return "error PARENT_NOT_DIRECTORY";
      }
      mkdirsUnchecked(m.path());
      return "true";
    }
    if (op instanceof NamespaceOp.Create c) {
      if (isDir(c.path())) {
        return "error ALREADY_EXISTS";
      }
      if (fileAncestor(c.path())) {
        return "error PARENT_NOT_DIRECTORY";
      }
      if (isFile(c.path()) && !c.overwrite()) {
        return "error ALREADY_EXISTS";
      }
      mkdirsUnchecked(c.path().parent());
      entries.put(c.path().value(), new Entry(false, c.bytes()));
      return "true";
    }
    if (op instanceof NamespaceOp.Rename r) {
      return rename(r.src(), r.dst());
    }
    if (op instanceof NamespaceOp.Delete d) {
      if (!exists(d.path())) {
        return "false";
      }
      if (isDir(d.path()) && !d.recursive() && !children(d.path()).isEmpty()) {
        return "error DIRECTORY_NOT_EMPTY";
      }
      subtree(d.path()).keySet().forEach(entries::remove);
      return "true";
    }
    if (op instanceof NamespaceOp.ListStatus l) {
      if (!exists(l.path())) {
        return "error NOT_FOUND";
      }
      List<DfsPath> listed = isDir(l.path()) ? children(l.path()) : List.of(l.path());
      return listed.stream().map(this::describe).sorted().toList().toString();
    }
    NamespaceOp.GetFileStatus s = (NamespaceOp.GetFileStatus) op;
    return exists(s.path()) ? describe(s.path()) : "error NOT_FOUND";
  }

  private String rename(DfsPath src, DfsPath dst) {
    if (src.isRoot() || !exists(src)) {
      return "refused";
    }
    DfsPath target = isDir(dst) ? dst.child(src.name()) : dst;
    if (target.equals(src)) {
      return "true";
    }
    if (target.isUnder(src) || exists(target) || !isDir(target.parent())) {
      return "refused";
    }
    Map<String, Entry> moved = subtree(src);
    moved.keySet().forEach(entries::remove);
    moved.forEach((k, v) -> entries.put(target.value() + k.substring(src.value().length()), v));
    return "true";
  }

  private String describe(DfsPath p) {
    Entry e = entries.get(p.value());
    return p.name() + (e.directory() ? "/" : ":" + e.data().length);
  }

  /** Every path with what it is: {@code dir}, or a file's bytes as text (see {@link Snapshot}). */
  public Map<String, String> snapshot() {
    Map<String, String> out = new TreeMap<>();
    entries.forEach((k, v) -> out.put(k, v.directory() ? "dir" : Snapshot.describeBytes(v.data())));
    return out;
  }
}
