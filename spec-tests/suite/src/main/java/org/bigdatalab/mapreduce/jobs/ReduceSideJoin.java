package org.bigdatalab.mapreduce.jobs;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.Codecs;

/**
 * Reduce-side join of users and orders, both as CSV lines in any input file:
 * {@code U,<userId>,<name>} and {@code O,<userId>,<amount>}. Map tags each record with its side;
 * reduce pairs every user with every order of the same id (inner join): {@code id -> name,amount}.
 */
public final class ReduceSideJoin {
  private ReduceSideJoin() {}

  /**
   * One input line as {@code [side, id, value]}, side {@code U} or {@code O}; a malformed line names its
   * field. Shared with {@code lab run join} on dataflow engines, so both topics read the same files.
   */
  public static String[] parse(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 3 || !(f[0].equals("U") || f[0].equals("O"))) {
      throw new BadRecordException("record", "expected U,id,name or O,id,amount, got \"" + line + "\"");
    }
    if (f[1].isEmpty()) {
      throw new BadRecordException("id", "empty");
    }
    return f;
  }

  public static MapReduceJob.Builder<String, String, String, String> builder() {
    return MapReduceJob.<String, String, String, String>builder("reduce-side-join")
        .mapper((offset, line, out) -> {
          String[] f = parse(line);
          out.emit(f[1], f[0] + ":" + f[2]);
        })
        .reducer((id, tagged, out) -> {
          List<String> names = new ArrayList<>();
          List<String> amounts = new ArrayList<>();
          for (String t : tagged) {
            (t.startsWith("U:") ? names : amounts).add(t.substring(2));
          }
          names.sort(null);
          amounts.sort(null);
          for (String name : names) {
            for (String amount : amounts) {
              out.emit(id, name + "," + amount);
            }
          }
        })
        .mapOutput(Codecs.STRING, Codecs.STRING)
        .output(Codecs.STRING, Codecs.STRING);
  }
}
