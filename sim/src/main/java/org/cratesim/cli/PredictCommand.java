package org.cratesim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cratesim.calibration.Prediction;
import org.cratesim.model.Scenario;
import org.cratesim.report.ChromeTrace;
import org.cratesim.report.HtmlReport;
import org.cratesim.report.ReportFormat;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim predict PAGE --jobs N}: the same build at another -j. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Predicts a measured build's wall time at other -j.",
      "Imports a cargo --timings page and predicts the wall time of the same build at "
          + "another -j, with the calibrated model of what changes per unit (codegen units on "
          + "more tokens, contention between busy threads)."
    },
    footer = {
      "",
      "Example:",
      "  cratesim predict sim/src/test/resources/timings/own-2core-2026/cli-clean-dev-j1-r2.html \\",
      "      --metadata sim/src/test/resources/timings/own-2core-2026/cli-metadata.json -j 2,4,8"
    })
public final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PAGE", description = "cargo-timing.html or .json")
  Path page;

  @Option(
      names = {"-j", "--jobs"},
      required = true,
      paramLabel = "N,..",
      description =
          "The -j values to predict for, comma-separated (2,4,8): one line (or JSON entry) each.")
  String jobs;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--graph",
      paramLabel = "FILE",
      description = "cargo --unit-graph JSON of the same build: use its complete edges.")
  Path graph;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description =
          "text, json, or chrome-trace (Trace Event JSON: the measured build and each"
              + " prediction as a process) (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin ModelOptions model;

  @Option(
      names = "--metadata",
      paramLabel = "FILE",
      description = "cargo metadata --format-version 1 of the same workspace: every package edge.")
  Path metadata;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Also write a self-contained HTML page: the measured and the predicted build on one"
              + " time axis, the difference per unit, the predicted build's lanes.")
  Path html;

  @Override
  public Integer call() throws Exception {
    boolean trace = format.equals(RunCommand.CHROME_TRACE);
    ReportFormat f =
        trace
            ? null
            : Output.format(
                format,
                "--format must be text, json or chrome-trace, was '" + format + "'",
                ReportFormat.TEXT,
                ReportFormat.JSON);
    List<Integer> js = SplitCommand.parseJobs(jobs, null);
    model.validate();
    Output.requireWritable("-o: ", output);
    TimingsPage p = TimingsReader.read(page);
    Scenario sc = model.imported(p, graph, metadata, spec.commandLine().getErr());
    Output.requireWritable("--html: ", html);
    List<Prediction> at = new ArrayList<>();
    for (int j : js) {
      at.add(Prediction.of(page.getFileName().toString(), p, sc, j));
    }
    Output.emit(
        spec, output, trace ? ChromeTrace.prediction(at, p, sc) : f.reporter().predictions(at));
    if (html != null) {
      Output.write("--html: ", html, HtmlReport.renderPrediction(at, p, sc));
    }
    return 0;
  }
}
