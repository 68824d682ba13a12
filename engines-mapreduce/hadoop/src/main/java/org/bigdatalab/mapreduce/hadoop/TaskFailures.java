package org.bigdatalab.mapreduce.hadoop;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.bigdatalab.spi.InputFormatException;

/**
 * Why task attempts failed, told back to the client through the job's file system.
 *
 * <p>Hadoop reports a task's exception to the client only as text, and not at all under
 * LocalJobRunner (its {@code getTaskDiagnostics} returns nothing and it only logs the exception).
 * So each wrapper class catches what escapes the user's code and, before rethrowing, writes one
 * small file per failed attempt into {@code <output>/_task-failures/<attempt id>}: the cause
 * chain with class names, messages, stack traces and, for a bad record, its file, line, field and
 * problem. The directory is on the job's own file system (local, or HDFS on a cluster), its name
 * starts with {@code _} so Hadoop's input formats never read it, and FileOutputCommitter leaves it
 * alone; the client reads it after the job and deletes it, whatever the outcome.
 */
final class TaskFailures {
  /** Configuration key: the directory the tasks write their failure records to. */
  static final String DIR_KEY = "bigdatalab.mapreduce.task-failures.dir";
  static final String DIR_NAME = "_task-failures";
  private static final int MAX_CHAIN = 16;

  private TaskFailures() {}

  /** Where a bad record was: the fields of an {@link InputFormatException}. */
  record Location(String file, long line, String field, String problem) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** One exception of a cause chain. */
  record Frame(String className, String message, StackTraceElement[] trace, Location location)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    String describe() {
      return message == null ? className : className + ": " + message;
    }
  }

  /** A failed attempt: its id and what it threw, outermost exception first. */
  record Failure(String attemptId, List<Frame> chain) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The SPI's task id ({@code m-00002}), or the raw attempt id when it is not Hadoop's. */
    String taskId() {
      TaskAttemptID id = attempt();
      return id == null ? attemptId : HadoopTaskContext.taskId(id);
    }

    TaskAttemptID attempt() {
      try {
        return TaskAttemptID.forName(attemptId);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    /** The innermost bad-record location, if the chain holds one. */
    Location location() {
      for (Frame f : chain) {
        if (f.location() != null) {
          return f.location();
        }
      }
      return null;
    }

    /** What the user's code threw, for a one-line message: a located error, else the root cause. */
    String describe() {
      Location at = location();
      if (at != null) {
        return new InputFormatException(at.file(), at.line(), at.field(), at.problem()).getMessage();
      }
      return chain.get(chain.size() - 1).describe();
    }

    /**
     * The chain rebuilt as exceptions: an {@link InputFormatException} where the task had one,
     * {@link RemoteTaskException}s (original class name and message) elsewhere; stack traces kept.
     */
    Throwable toThrowable() {
      Throwable cause = null;
      for (int i = chain.size() - 1; i >= 0; i--) {
        Frame f = chain.get(i);
        Location at = f.location();
        Throwable t = at != null
            ? new InputFormatException(at.file(), at.line(), at.field(), at.problem())
            : new RemoteTaskException(f.className(), f.message());
        if (cause != null) {
          t.initCause(cause);
        }
        t.setStackTrace(f.trace());
        cause = t;
      }
      return cause;
    }
  }

  /**
   * Task side: records why this attempt fails. Never throws, so a record that cannot be written
   * does not hide the task's own error (Hadoop still fails the attempt with it).
   */
  static void record(Configuration conf, TaskAttemptID attempt, Throwable error) {
    String dir = conf.get(DIR_KEY);
    if (dir == null) {
      return;
    }
    String attemptId = attempt != null ? attempt.toString()
        : conf.get(MRJobConfig.TASK_ATTEMPT_ID, "attempt-unknown-" + System.nanoTime());
    Failure failure = new Failure(attemptId, chain(error));
    Path file = new Path(dir, attemptId);
    try {
      FileSystem fs = file.getFileSystem(conf);
      try (FSDataOutputStream raw = fs.create(file, false); ObjectOutputStream out = new ObjectOutputStream(raw)) {
        out.writeObject(failure);
      }
    } catch (FileAlreadyExistsException e) {
      // recorded already, closer to where it was thrown (a partitioner's error inside map, say)
    } catch (IOException | RuntimeException e) {
      error.addSuppressed(new IOException("could not record this failure in " + file + ": " + e, e));
    }
  }

  /** Task side, from a comparator or partitioner that only has the configuration. */
  static void record(Configuration conf, Throwable error) {
    String id = conf.get(MRJobConfig.TASK_ATTEMPT_ID);
    TaskAttemptID attempt = null;
    if (id != null) {
      try {
        attempt = TaskAttemptID.forName(id);
      } catch (IllegalArgumentException e) {
        attempt = null;
      }
    }
    record(conf, attempt, error);
  }

  private static List<Frame> chain(Throwable error) {
    List<Frame> frames = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = error; t != null && frames.size() < MAX_CHAIN && seen.add(t); t = t.getCause()) {
      Location at = t instanceof InputFormatException e
          ? new Location(e.file(), e.line(), e.field(), e.problem()) : null;
      String className = t instanceof RemoteTaskException r ? r.className() : t.getClass().getName();
      frames.add(new Frame(className, t.getMessage(), t.getStackTrace(), at));
    }
    return frames;
  }

  /**
   * Client side: the recorded failures, the first task first (maps before reduces, by number) and,
   * within a task, its last attempt first.
   */
  static List<Failure> read(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir)) {
      return List.of();
    }
    List<Failure> failures = new ArrayList<>();
    for (FileStatus status : fs.listStatus(dir, p -> !p.getName().startsWith(".") && !p.getName().startsWith("_"))) {
      try (ObjectInputStream in = new ObjectInputStream(fs.open(status.getPath()))) {
        failures.add((Failure) in.readObject());
      } catch (ClassNotFoundException | ClassCastException | IOException e) {
        failures.add(new Failure(status.getPath().getName(), List.of(new Frame(e.getClass().getName(),
            "unreadable failure record " + status.getPath() + ": " + e.getMessage(), new StackTraceElement[0], null))));
      }
    }
    failures.sort(Comparator.comparing((Failure f) -> f.attempt() == null)
        .thenComparing(f -> f.attempt() == null ? null : f.attempt().getTaskID(),
            Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(f -> f.attempt() == null ? 0 : -f.attempt().getId()));
    return failures;
  }
}
