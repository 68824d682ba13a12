package org.bigdatalab.dfs.reference;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.MappedByteBuffer;

/**
 * Unmaps a mapped replica when its reader closes, rather than when the garbage collector finds the
 * buffer: a reader of many small blocks maps one file per block, and a process that reads without
 * allocating could otherwise hold thousands of mappings (Linux allows 65 530 by default) and the
 * deleted block files under them. JDK 17 has no public unmap, so this uses
 * {@code sun.misc.Unsafe.invokeCleaner} (module jdk.unsupported, open to the class path) as Lucene
 * did; where that is missing, unmapping is left to the collector. Only the buffer that
 * {@code FileChannel.map} returned can be unmapped, and no view of it may be read afterwards.
 */
final class MappedFiles {
  private static final Object UNSAFE;
  private static final Method INVOKE_CLEANER;

  static {
    Object unsafe = null;
    Method invoke = null;
    try {
      Class<?> type = Class.forName("sun.misc.Unsafe");
      Field field = type.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      unsafe = field.get(null);
      invoke = type.getMethod("invokeCleaner", java.nio.ByteBuffer.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      unsafe = null;
      invoke = null;
    }
    UNSAFE = unsafe;
    INVOKE_CLEANER = invoke;
  }

  private MappedFiles() {}

  /** Unmaps {@code mapped} now where the JDK allows it; afterwards it must not be touched. */
  static void unmap(MappedByteBuffer mapped) {
    if (INVOKE_CLEANER == null) {
      return;
    }
    try {
      INVOKE_CLEANER.invoke(UNSAFE, mapped);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // not unmapped now: the collector's cleaner unmaps it later
    }
  }
}
