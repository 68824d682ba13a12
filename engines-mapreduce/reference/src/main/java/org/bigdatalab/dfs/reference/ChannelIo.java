package org.bigdatalab.dfs.reference;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Whole-buffer positional I/O on file channels: a single read or write may move fewer bytes. */
final class ChannelIo {
  private ChannelIo() {}

  /** Fills {@code dst}'s remaining bytes from {@code position}; EOFException (naming {@code file}) if the file ends first. */
  static void readFully(FileChannel channel, long position, ByteBuffer dst, Path file) throws IOException {
    while (dst.hasRemaining()) {
      int n = channel.read(dst, position);
      if (n < 0) {
        throw new EOFException(file + ": ends at " + position + ", " + dst.remaining() + " bytes short");
      }
      position += n;
    }
  }

  /** Writes all of {@code src}'s remaining bytes at the channel's position. */
  static void writeFully(FileChannel channel, ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      channel.write(src);
    }
  }

  /** Writes all of the buffers' remaining bytes at the channel's position, in one gathering write where it can. */
  static void writeFully(FileChannel channel, ByteBuffer... srcs) throws IOException {
    while (hasRemaining(srcs)) {
      channel.write(srcs);
    }
  }

  private static boolean hasRemaining(ByteBuffer[] buffers) {
    for (ByteBuffer b : buffers) {
      if (b.hasRemaining()) {
        return true;
      }
    }
    return false;
  }

  /** Copies the first {@code count} bytes of {@code from} to the end of {@code to}, in the kernel where it can. */
  static void copyPrefix(FileChannel from, long count, FileChannel to, Path file) throws IOException {
    if (from.size() < count) {
      throw new EOFException(file + ": holds " + from.size() + " bytes, " + count + " needed");
    }
    for (long at = 0; at < count; ) {
      at += from.transferTo(at, count - at, to);
    }
  }

  /** Closes what was opened before {@code failure}, keeping any further failure as suppressed by it. */
  static void closeAfter(Throwable failure, Closeable... opened) {
    for (Closeable c : opened) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
