package org.cratesim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cratesim.model.Scenario;
import org.cratesim.report.Comparison;
import org.cratesim.report.HtmlReport;
import org.cratesim.report.ReportFormat;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.sweep.StrategyComparison;
import org.cratesim.timings.TimingsReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim compare SCENARIO --strategy A --strategy B}: strategies side by side. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compares strategies against a baseline build.",
      "Runs a scenario as a baseline (every strategy off) and with each named strategy on "
          + "(same build kind, same random numbers), and prints the wall time, the change against "
          + "the baseline, and what left or joined the critical path."
    },
    footer = {
      "",
      "Example:",
      "  cratesim compare scenarios/serde-like.toml --strategy precompiled-proc-macros \\",
      "      --strategy shared-cache+proc-macros-first --format csv"
    })
public final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description =
          "Scenario file (TOML), or a cargo --timings page (.html or .json) imported on the fly.")
  Path scenarioFile;

  @Option(
      names = "--metadata",
      paramLabel = "FILE",
      description =
          "With a page: cargo metadata --format-version 1 of the same workspace (every package"
              + " edge, the proc macros, the workspace members).")
  Path metadata;

  @Option(
      names = "--graph",
      paramLabel = "FILE",
      description = "With a page: cargo --unit-graph JSON of the same build.")
  Path graph;

  @Option(
      names = "--strategy",
      required = true,
      paramLabel = "NAME",
      description =
          "A strategy to compare (repeatable); 'a+b' switches on both together; "
              + "NAME:key=value,... sets parameters, e.g. wasm-proc-macros:runtime=jit. "
              + "wasm-proc-macros rests on published priors (watt): no real build here measures"
              + " it; the others are checked by validate-strategies and validate-rebuilds.")
  List<String> strategies = new ArrayList<>();

  @Option(
      names = "--build-kind",
      paramLabel = "KIND",
      description = "clean, warm, incremental or noop (default: the scenario's).")
  String buildKind;

  @Option(
      names = "--edit",
      paramLabel = "CRATE[:KIND]",
      description =
          "Edited crate (repeatable); KIND: comment (default), body or signature, as on run. On a"
              + " page: a workspace member.")
  List<String> edits = new ArrayList<>();

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Override cargo -j.")
  Integer jobs;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default), csv (one row per strategy, baseline first) or json.")
  String format = "text";

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Also write a self-contained HTML page: the baseline and each strategy on one time"
              + " axis, the difference per unit, each build's lanes.")
  Path html;

  @Override
  public Integer call() throws Exception {
    ReportFormat f =
        Output.format(
            format,
            "--format: expected text, csv or json, got '" + format + "'",
            ReportFormat.TEXT,
            ReportFormat.CSV,
            ReportFormat.JSON);
    String file = scenarioFile.getFileName().toString();
    Scenario sc;
    if (file.endsWith(".html") || file.endsWith(".json")) {
      sc =
          new ModelOptions()
              .imported(
                  TimingsReader.read(scenarioFile), graph, metadata, spec.commandLine().getErr());
    } else {
      if (metadata != null || graph != null) {
        throw new BadInputException("--metadata and --graph go with a timing page, not a scenario");
      }
      sc = ScenarioReader.read(scenarioFile);
    }
    sc = Overrides.apply(sc, jobs, null);
    sc = Overrides.rebuild(sc, buildKind, edits);
    if (file.endsWith(".html") || file.endsWith(".json")) {
      Overrides.requireMembers(sc);
    }
    StrategyComparison c;
    try {
      c = StrategyComparison.of(sc, strategies);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--strategy: " + e.getMessage());
    }
    Output.requireWritable("-o: ", output);
    Output.requireWritable("--html: ", html);
    Comparison result = c.run();
    Output.emit(spec, output, f.reporter().comparison(result));
    if (html != null) {
      Output.write("--html: ", html, HtmlReport.renderComparison(result));
    }
    return 0;
  }
}
