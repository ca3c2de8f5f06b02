package org.cratesim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioWriter;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim import PAGE}: a cargo timings page as a scenario. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Turns a cargo --timings page into a scenario.",
      "Turns a cargo --timings page (HTML, or the JSON extracted from one; cargo 1.60 to "
          + "1.95) into a scenario: measured front-end / codegen split per unit, edges from the "
          + "page's unblocked lists (or the full graph with --graph), start-up, jobs and mode."
    },
    footer = {
      "",
      "Example:",
      "  cratesim import sim/src/test/resources/timings/own-2core-2026/cli-clean-dev-j1-r2.html \\",
      "      --metadata sim/src/test/resources/timings/own-2core-2026/cli-metadata.json \\",
      "      -o cli.toml"
    })
public final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PAGE", description = "cargo-timing.html or .json")
  Path page;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the scenario to FILE (default: standard output).")
  Path output;

  @Option(
      names = "--graph",
      paramLabel = "FILE",
      description = "cargo --unit-graph JSON of the same build: use its complete edges.")
  Path graph;

  @Mixin ModelOptions model;

  @Option(
      names = "--metadata",
      paramLabel = "FILE",
      description =
          "cargo metadata --format-version 1 of the same workspace (stable cargo): every package"
              + " edge, which crates are proc macros, and the workspace members.")
  Path metadata;

  @Override
  public Integer call() throws Exception {
    model.validate();
    TimingsPage p = TimingsReader.read(page);
    Scenario sc = model.imported(p, graph, metadata, spec.commandLine().getErr());
    String header =
        String.format(
            Locale.ROOT,
            "Imported by cratesim from %s (cargo %s, -j%d, measured wall time %.2f s).",
            page.getFileName(),
            p.format(),
            p.jobs(),
            p.totalSeconds());
    Output.emit(
        spec,
        output,
        ScenarioWriter.write(
            sc, List.of(header, "Calibration: " + model.choose(p, sc.build().mode()).describe())));
    return 0;
  }
}
