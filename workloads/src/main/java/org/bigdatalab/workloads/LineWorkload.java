package org.bigdatalab.workloads;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A seeded data set that can be written as text lines of any size. One interface so
 * {@link WorkloadFiles}, the CLI and the benchmarks can size any workload in bytes.
 */
public interface LineWorkload {

  /**
   * Writes whole lines, starting again from the seed, until at least {@code targetBytes} are
   * written (overshooting by less than one line) or the data set ends. Flushes {@code out} but
   * does not close it.
   *
   * @return the number of bytes written
   */
  long writeTo(OutputStream out, long targetBytes) throws IOException;
}
