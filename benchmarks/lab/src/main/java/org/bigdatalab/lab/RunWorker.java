package org.bigdatalab.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.InputFormatException;
import org.bigdatalab.spi.fork.EngineJvm;
import org.bigdatalab.streaming.StreamingEngine;

/**
 * {@code lab run} on an engine that needs a JVM of its own (spark, flink, kafka-streams,
 * spark-streaming): {@link ForkedRun} starts this main with the engine module's class path, and it
 * runs the same {@link DataflowRun} or {@link StreamingRun} as the CLI would. Its answer is the run's
 * summary, or {@code USER<TAB>message} for the user's mistake (a bad line), which the CLI reports as
 * its own one-line error.
 */
public final class RunWorker {
  static final String USER = "USER\t";

  private RunWorker() {}

  /** The request, in the order {@link ForkedRun} writes it. */
  record Request(String engine, String job, Path output, int partitions, int salts, boolean skipBad, long window, long slide,
                 long watermarkBound, List<Path> inputs, List<String> engineOptions) {

    List<String> args() {
      List<String> a = new ArrayList<>(List.of(engine, job, output.toString(), Integer.toString(partitions), Integer.toString(salts),
          Boolean.toString(skipBad), Long.toString(window), Long.toString(slide), Long.toString(watermarkBound),
          Integer.toString(inputs.size())));
      inputs.forEach(p -> a.add(p.toString()));
      a.addAll(engineOptions);
      return a;
    }

    static Request parse(List<String> a) {
      int n = Integer.parseInt(a.get(9));
      return new Request(a.get(0), a.get(1), Path.of(a.get(2)), Integer.parseInt(a.get(3)), Integer.parseInt(a.get(4)),
          Boolean.parseBoolean(a.get(5)), Long.parseLong(a.get(6)), Long.parseLong(a.get(7)), Long.parseLong(a.get(8)),
          a.subList(10, 10 + n).stream().map(Path::of).toList(), a.subList(10 + n, a.size()));
    }
  }

  public static void main(String[] args) {
    EngineJvm.serve(args, (a, answer) -> answer.print(run(Request.parse(a))));
  }

  static String run(Request r) throws Exception {
    try (Engine engine = EngineRegistry.load().create(r.engine(), Engine.class, EngineOptions.parse(r.engineOptions()))) {
      if (engine instanceof DataflowEngine dataflow) {
        return DataflowRun.run(dataflow, r.job(), r.inputs(), r.output(), r.partitions(), r.salts(), r.skipBad());
      }
      if (engine instanceof StreamingEngine streaming) {
        return StreamingRun.run(streaming, r.job(), r.inputs(), r.output(), r.window(), r.slide(), r.watermarkBound());
      }
      throw new UserError("lab run has no jobs for " + engine.info().topic().title() + " engines such as " + r.engine());
    } catch (UserError | InputFormatException e) {
      return USER + e.getMessage();
    }
  }
}
