package org.bigdatalab.mapreduce.hadoop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.apache.hadoop.conf.Configuration;
import org.bigdatalab.mapreduce.MapReduceJob;

/**
 * Carries a {@link MapReduceJob} inside the Hadoop {@link Configuration}: Java-serialized, then
 * Base64, under {@link #KEY}. The configuration is the one thing Hadoop ships to every task (as
 * {@code job.xml}), so the wrapper classes find the job's functions and codecs there, on this
 * machine or on a cluster node, and no static state is needed.
 */
final class JobTransport {
  /** The configuration key holding the serialized job. */
  static final String KEY = "bigdatalab.mapreduce.job";

  private JobTransport() {}

  static void put(Configuration conf, MapReduceJob<?, ?, ?, ?> job) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(job);
    } catch (IOException e) {
      throw new IllegalArgumentException("job " + job.name() + " cannot travel to Hadoop's tasks: "
          + "its functions and codecs must be serializable (" + e + ")", e);
    }
    conf.set(KEY, Base64.getEncoder().encodeToString(bytes.toByteArray()));
  }

  /** The job a task runs; fails clearly when the configuration does not carry one. */
  @SuppressWarnings("unchecked")
  static <KM, VM, KO, VO> MapReduceJob<KM, VM, KO, VO> get(Configuration conf) {
    String encoded = conf.get(KEY);
    if (encoded == null) {
      throw new IllegalStateException("no " + KEY + " in the Hadoop configuration: this class only runs"
          + " in jobs submitted by " + HadoopMapReduce.class.getName());
    }
    ClassLoader loader = conf.getClassLoader() != null ? conf.getClassLoader()
        : Thread.currentThread().getContextClassLoader();
    try (ObjectInputStream in = new LoaderObjectInputStream(
        new ByteArrayInputStream(Base64.getDecoder().decode(encoded)), loader)) {
      return (MapReduceJob<KM, VM, KO, VO>) in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the job from " + KEY, e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("a class of the job is not on the task's class path: " + e.getMessage()
          + " (on a cluster, ship a jar holding the job's classes with mapreduce.job.jar)", e);
    }
  }

  /** Resolves classes with the task's class loader (the job jar's on a cluster). */
  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      if (loader != null) {
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          // fall through: primitives and classes only the default loader sees
        }
      }
      return super.resolveClass(desc);
    }
  }
}
