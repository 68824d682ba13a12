package org.bigdatalab.lab;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bigdatalab.guide.GuideRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab guide}: runs every chapter program and renders the guide to HTML. */
@Command(name = "guide", mixinStandardHelpOptions = true,
    description = "Run the guide's chapter programs and render the guide to HTML.")
final class GuideCommand implements Callable<Integer> {

  @Option(names = "--report", defaultValue = "target/lab-report", description = "Report directory (default ${DEFAULT-VALUE}).")
  Path reportDir;

  @Override
  public Integer call() throws Exception {
    Path index = render();
    System.out.println("guide: " + index.toAbsolutePath());
    return 0;
  }

  Path render() throws Exception {
    return render(null);
  }

  /** Renders, each chapter's line with the run's time left where {@code eta} is given (the tour's). */
  Path render(Eta eta) throws Exception {
    return GuideRenderer.render(reportDir.resolve("guide"),   // steps say "guide: " already
        step -> System.out.println("  " + step + (eta != null && step.startsWith("guide: running") ? "," + eta.left() : "")));
  }
}
