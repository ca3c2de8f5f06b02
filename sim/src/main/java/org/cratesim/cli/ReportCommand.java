package org.cratesim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cratesim.report.SweepCharts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim report OUT/}: charts and a Markdown table of a finished sweep. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Charts a finished sweep (PNG, SVG, Markdown).",
      "Charts a sweep's summary.csv: wall time against the first varied parameter (one line "
          + "per combination of the others, each with its own colour, dash and marker, 95 %% CI "
          + "whiskers) and, when jobs is varied, the speed-up against jobs (axis scaled to the "
          + "data, the ideal line clipped) with each series' dependency bound; PNG and SVG, plus "
          + "summary.md."
    },
    footer = {
      "",
      "Example (a sweep, then its charts):",
      "  cratesim sweep scenarios/serde-like.toml --vary jobs=1,2,4,8 --replications 5 -o out/",
      "  cratesim report out/"
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A sweep's output directory.")
  Path dir;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT_DIR",
      description = "Folder for the charts and summary.md (default: DIR, beside summary.csv).")
  Path output;

  @Override
  public Integer call() throws Exception {
    Path summary = dir.resolve("summary.csv");
    if (!Files.isRegularFile(summary)) {
      throw new BadInputException(
          dir + ": no summary.csv (run cratesim sweep -o " + dir + " first)");
    }
    SweepCharts.Summary s;
    try {
      s = SweepCharts.read(summary);
    } catch (java.io.IOException | NumberFormatException e) {
      throw new BadInputException(e.getMessage());
    }
    Path to = output != null ? output : dir;
    if (!Files.isDirectory(to)) {
      throw new BadInputException("-o: " + to + ": no such directory");
    }
    PrintWriter out = spec.commandLine().getOut();
    for (Path p : SweepCharts.write(s, to)) {
      out.println("Wrote " + p);
    }
    out.flush();
    return 0;
  }
}
