package org.bigdatalab.streaming.spark;

import java.io.Serializable;

/**
 * One parsed input line as a row of the adapter's {@code MemoryStream}: the source step it came
 * from, its key, its event time (shifted, see {@link SparkStructuredStreaming}) and the raw line,
 * which the aggregate parses again inside Spark. A bean, so Spark's bean encoder maps it to columns.
 */
public class Arrival implements Serializable {
  private static final long serialVersionUID = 1L;

  private int step;
  private String key;
  private long time;
  private String line;

  public Arrival() {}

  Arrival(int step, String key, long time, String line) {
    this.step = step;
    this.key = key;
    this.time = time;
    this.line = line;
  }

  public int getStep() { return step; }
  public void setStep(int step) { this.step = step; }
  public String getKey() { return key; }
  public void setKey(String key) { this.key = key; }
  public long getTime() { return time; }
  public void setTime(long time) { this.time = time; }
  public String getLine() { return line; }
  public void setLine(String line) { this.line = line; }
}
