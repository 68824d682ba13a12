package org.bigdatalab.dfs.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.bigdatalab.dfs.DfsPath;

/**
 * The NameNode's namespace and block table, kept as simply as possible: a sorted map from path to
 * inode (a directory marker or a {@link FileInode}), so a subtree is a contiguous range of keys.
 * It checks nothing: the cluster validates an operation, then {@link #apply(Edit)}s it and logs it.
 */
final class Namespace {
  /** A file: its blocks in order, and whether a writer holds its lease. */
  static final class FileInode {
    final List<BlockInfo> blocks = new ArrayList<>();
    boolean open;

    long length() { return blocks.stream().mapToLong(b -> b.length).sum(); }
  }

  private static final Object DIRECTORY = new Object() {
    @Override public String toString() { return "dir"; }
  };

  private final NavigableMap<String, Object> inodes = new TreeMap<>();
  private final Map<Long, BlockInfo> blocks = new TreeMap<>();
  private long nextBlockId = 1;

  Namespace() {
    inodes.put("/", DIRECTORY);
  }

  boolean isDirectory(DfsPath p) { return inodes.get(p.value()) == DIRECTORY; }

  FileInode file(DfsPath p) { return inodes.get(p.value()) instanceof FileInode f ? f : null; }

  boolean exists(DfsPath p) { return inodes.containsKey(p.value()); }

  /** The nearest proper ancestor that is a file, or null: a path under a file cannot exist. */
  DfsPath fileAncestor(DfsPath p) {
    for (DfsPath a = p; !a.isRoot(); ) {
      a = a.parent();
      if (file(a) != null) {
        return a;
      }
    }
    return null;
  }

  /** The direct children of a directory, in name order. */
  List<DfsPath> children(DfsPath dir) {
    List<DfsPath> out = new ArrayList<>();
    for (String key : subtree(dir).keySet()) {
      DfsPath child = new DfsPath(key);
      if (!child.equals(dir) && child.parent().equals(dir)) {
        out.add(child);
      }
    }
    return out;
  }

  /** Where this file inode now lives (it may have been renamed), or null when it is gone. */
  DfsPath pathOf(FileInode inode) {
    for (Map.Entry<String, Object> e : inodes.entrySet()) {
      if (e.getValue() == inode) {
        return new DfsPath(e.getKey());
      }
    }
    return null;
  }

  List<BlockInfo> blocks() { return new ArrayList<>(blocks.values()); }

  BlockInfo block(long id) { return blocks.get(id); }

  long newBlockId() { return nextBlockId++; }

  /** The subtree at p, p included. */
  private NavigableMap<String, Object> subtree(DfsPath p) {
    if (p.isRoot()) {
      return inodes;
    }
    NavigableMap<String, Object> sub = new TreeMap<>(inodes.subMap(p.value() + "/", true, p.value() + "0", false));
    Object self = inodes.get(p.value());
    if (self != null) {
      sub.put(p.value(), self);
    }
    return sub;
  }

  /** Applies one edit; returns the blocks it freed (of deleted or overwritten files). */
  List<BlockInfo> apply(Edit e) {
    List<BlockInfo> freed = new ArrayList<>();
    switch (e.kind()) {
      case MKDIRS -> mkdirs(e.path());
      case CREATE -> {
        freed.addAll(remove(e.path()));
        mkdirs(e.path().parent());
        FileInode f = new FileInode();
        f.open = true;
        inodes.put(e.path().value(), f);
      }
      case BLOCK -> {
        BlockInfo b = blocks.get(e.blockId());
        if (b == null) {
          b = new BlockInfo(e.blockId());
          blocks.put(b.id, b);
          file(e.path()).blocks.add(b);
          nextBlockId = Math.max(nextBlockId, b.id + 1);
        }
        b.length = e.length();
      }
      case CLOSE -> file(e.path()).open = false;
      case APPEND -> file(e.path()).open = true;
      case RENAME -> {
        NavigableMap<String, Object> moved = subtree(e.path());
        moved.keySet().forEach(inodes::remove);
        String from = e.path().value();
        moved.forEach((k, v) -> inodes.put(e.target().value() + k.substring(from.length()), v));
      }
      case DELETE -> freed.addAll(remove(e.path()));
      case NEXT_ID -> nextBlockId = Math.max(nextBlockId, e.blockId());
    }
    return freed;
  }

  private void mkdirs(DfsPath p) {
    for (DfsPath a = p; !a.isRoot() && !exists(a); a = a.parent()) {
      inodes.put(a.value(), DIRECTORY);
    }
  }

  private List<BlockInfo> remove(DfsPath p) {
    List<BlockInfo> freed = new ArrayList<>();
    NavigableMap<String, Object> gone = subtree(p);
    gone.forEach((k, v) -> {
      if (v instanceof FileInode f) {
        f.blocks.forEach(b -> {
          blocks.remove(b.id);
          freed.add(b);
        });
      }
    });
    gone.keySet().forEach(inodes::remove);
    inodes.putIfAbsent("/", DIRECTORY);
    return freed;
  }

  /** The state as a minimal list of edits: what a checkpoint (fsimage) holds. */
  List<Edit> image() {
    List<Edit> edits = new ArrayList<>();
    edits.add(Edit.nextId(nextBlockId));
    inodes.forEach((k, v) -> {
      DfsPath p = new DfsPath(k);
      if (p.isRoot()) {
        return;
      }
      if (v instanceof FileInode f) {
        edits.add(Edit.create(p));
        f.blocks.forEach(b -> edits.add(Edit.block(p, b.id, b.length)));
        edits.add(Edit.close(p));
      } else {
        edits.add(Edit.mkdirs(p));
      }
    });
    return edits;
  }
}
