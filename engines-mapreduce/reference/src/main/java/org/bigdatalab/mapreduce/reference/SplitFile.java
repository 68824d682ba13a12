package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;

/** A file a map task reads: a local one, or one in a distributed file system read through the DFS SPI. */
public interface SplitFile {

  /** The last path element, as {@link org.bigdatalab.mapreduce.TaskContext#inputFile()} gives it. */
  String name();

  /** The path as errors and split reports name it. */
  String location();

  /** A channel reading the file from byte {@code position} on. */
  ReadableByteChannel openAt(long position) throws IOException;

  static SplitFile local(Path file) {
    return new SplitFile() {
      @Override public String name() { return file.getFileName().toString(); }
      @Override public String location() { return file.toString(); }
      @Override public ReadableByteChannel openAt(long position) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(position);
        return channel;
      }
    };
  }

  static SplitFile dfs(DistributedFileSystem fs, DfsPath file) {
    return new SplitFile() {
      @Override public String name() { return file.name(); }
      @Override public String location() { return file.value(); }
      @Override public ReadableByteChannel openAt(long position) throws IOException {
        DfsInput in = fs.open(file);
        try {
          in.seek(position);
        } catch (IOException | RuntimeException e) {
          in.close();
          throw e;
        }
        return new DfsChannel(in);
      }
    };
  }

  /** A DFS reader as a channel; reads go straight into the caller's heap buffer. */
  final class DfsChannel implements ReadableByteChannel {
    private final DfsInput in;
    private boolean open = true;

    DfsChannel(DfsInput in) {
      this.in = in;
    }

    @Override public int read(ByteBuffer dst) throws IOException {
      if (!dst.hasArray()) {
        byte[] copy = new byte[dst.remaining()];
        int n = in.read(copy, 0, copy.length);
        if (n > 0) {
          dst.put(copy, 0, n);
        }
        return n;
      }
      int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
      if (n > 0) {
        dst.position(dst.position() + n);
      }
      return n;
    }

    @Override public boolean isOpen() { return open; }

    @Override public void close() throws IOException {
      open = false;
      in.close();
    }
  }
}
