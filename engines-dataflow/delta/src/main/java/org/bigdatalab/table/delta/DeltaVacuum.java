package org.bigdatalab.table.delta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaHistory;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.RemoveFile;
import org.apache.spark.sql.delta.catalog.DeltaTableV2;
import org.apache.spark.sql.delta.commands.VacuumCommand;
import org.apache.spark.util.ManualClock;
import org.bigdatalab.table.VacuumResult;

/**
 * Delta's VACUUM ({@code VacuumCommand.gc}, what {@code DeltaTable.vacuum} runs) with the SPI's
 * retention. Two differences are bridged here, both visible with retentions of seconds:
 *
 * <ol>
 *   <li>Delta rounds the retention to whole hours ({@code math.round(h)}): vacuum(5 s) would be
 *       vacuum(0). The adapter passes 0 hours and a clock set back to the cutoff, which gc reads.
 *   <li>Delta keeps a removed file while its removal stamp is younger than the retention, and stamps
 *       a removal when the command plans it, before its commit: a vacuum whose horizon falls inside a
 *       running command's time could delete a file that the version current at the horizon still
 *       reads. The cutoff is moved back to the oldest stamp of any file removed by a commit after
 *       the horizon, so retention counts from the commit, as the spec's clause does.
 * </ol>
 *
 * The deleted files are the table's data files before the vacuum less those after it.
 */
final class DeltaVacuum {
  private final SparkSession spark;
  private final DeltaLog log;

  DeltaVacuum(SparkSession spark, DeltaLog log) {
    this.spark = spark;
    this.log = log;
  }

  VacuumResult run(Duration retention) {
    long horizon = System.currentTimeMillis() - retention.toMillis();
    long cutoff = Math.min(horizon, oldestRemovalCommittedAfter(horizon));
    Set<String> before = dataFiles();
    scala.collection.immutable.Map<String, String> none = scala.collection.immutable.Map$.MODULE$.empty();
    VacuumCommand.gc(spark, DeltaTableV2.apply(spark, log.dataPath(), none, "VACUUM"), false, Scala.some((Object) 0.0),
        Scala.none(), Scala.none(), scala.collection.immutable.Map$.MODULE$.empty(), new ManualClock(cutoff));
    List<String> deleted = new ArrayList<>(before);
    deleted.removeAll(dataFiles());
    return new VacuumResult(Instant.ofEpochMilli(horizon), deleted);
  }

  /** The oldest removal stamp among the commits made after {@code horizon} (Long.MAX_VALUE when none). */
  private long oldestRemovalCommittedAfter(long horizon) {
    long firstAfter = Long.MAX_VALUE;
    for (DeltaHistory h : Scala.list(log.history().getHistory(Scala.none()))) {
      if (h.timestamp().getTime() > horizon) {
        firstAfter = Math.min(firstAfter, (Long) h.version().get());
      }
    }
    long oldest = Long.MAX_VALUE;
    if (firstAfter == Long.MAX_VALUE) {
      return oldest;
    }
    var changes = log.getChanges(firstAfter, false);
    while (changes.hasNext()) {
      for (Action a : Scala.list(changes.next()._2())) {
        if (a instanceof RemoveFile r) {
          oldest = Math.min(oldest, r.delTimestamp());
        }
      }
    }
    return oldest;
  }

  private Set<String> dataFiles() {
    Set<String> files = new HashSet<>();
    try {
      FileSystem fs = log.dataPath().getFileSystem(spark.sessionState().newHadoopConf());
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(log.dataPath(), true);
      while (it.hasNext()) {
        String p = it.next().getPath().toString();
        if (!p.contains("/_delta_log/") && !p.endsWith(".crc")) {
          files.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
