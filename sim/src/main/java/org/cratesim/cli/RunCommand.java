package org.cratesim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;
import org.cratesim.report.ChromeTrace;
import org.cratesim.report.HtmlReport;
import org.cratesim.report.ReportFormat;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim run SCENARIO}: one simulated build. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates one cargo build and explains its wall time.",
      "Simulates one cargo build of a scenario and prints the predicted wall time, the "
          + "lower bounds, the critical path with why each link waited, and a per-unit table."
    },
    footer = {
      "",
      "Scenario format: scenarios/README.md and scenarios/reference.toml.",
      "",
      "Example (the edit-compile loop of an imported build):",
      "  cratesim run sim/src/test/resources/own2core/split/timings/clean-dev-j1-r1.json \\",
      "    --metadata sim/src/test/resources/own2core/split/metadata.json --edit m03:signature"
    })
public final class RunCommand implements Callable<Integer> {
  /** The --format of the Trace Event JSON ({@link ChromeTrace}). */
  static final String CHROME_TRACE = "chrome-trace";

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
              + " edge, the proc macros, the workspace members --edit may name).")
  Path metadata;

  @Option(
      names = "--graph",
      paramLabel = "FILE",
      description = "With a page: cargo --unit-graph JSON of the same build.")
  Path graph;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Override [build] jobs (cargo -j).")
  Integer jobs;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "Override [build] mode: check, debug or release.")
  String mode;

  @Option(
      names = "--build-kind",
      paramLabel = "KIND",
      description =
          "clean (nothing built), warm (dependencies built, workspace rebuilt), "
              + "incremental (after --edit), noop. Overrides [build] kind.")
  String buildKind;

  @Option(
      names = "--edit",
      paramLabel = "CRATE[:KIND]",
      description =
          "A crate edited before an incremental build (repeatable); KIND: comment (default; "
              + "changes no item), body (a function body: its CGUs re-generated), signature (an "
              + "API change: dependents re-type-check what uses it). On a page: a workspace "
              + "member.")
  List<String> edits = new ArrayList<>();

  @Option(
      names = "--strategy",
      paramLabel = "NAME",
      description =
          "Switch a strategy on (repeatable): precompiled-proc-macros, "
              + "wasm-proc-macros, expansion-cache, shared-cache, proc-macros-first; with the "
              + "scenario's [[strategy]] parameters, or the defaults; NAME:key=value,... sets "
              + "parameters, e.g. wasm-proc-macros:runtime=jit. wasm-proc-macros rests on "
              + "published priors (watt): no real build here measures it; the others are checked "
              + "by validate-strategies and validate-rebuilds.")
  List<String> strategies = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "A scenario key TABLE.KEY, overridden (repeatable): build.jobs=8, "
              + "profile.lto=fat, profile.opt_level=3, profile.codegen_units=1, profile.linker=lld, "
              + "profile.frontend_threads=8, costs.llvm_opt_exponent=1.2, crate.NAME.codegen_units=1 "
              + "... (tables and keys of scenarios/reference.toml; not a calibrated model "
              + "parameter, as on import, predict and validate).")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "Output: text, json, csv, or chrome-trace (Trace Event JSON for Perfetto and"
              + " chrome://tracing: a lane per thread, an event per unit) (default:"
              + " ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Also write a self-contained HTML page: cargo's summary, the units in start order"
              + " (cargo's layout), the timeline by thread lane, concurrency, critical path, a"
              + " sortable unit table.")
  Path html;

  @Override
  public Integer call() throws Exception {
    boolean trace = format.equals(CHROME_TRACE);
    ReportFormat f =
        trace
            ? null
            : Output.format(
                format,
                "--format must be text, json, csv or chrome-trace, was '"
                    + format
                    + "' (see cratesim run --help)",
                ReportFormat.TEXT,
                ReportFormat.JSON,
                ReportFormat.CSV);
    String file = scenarioFile.getFileName().toString();
    boolean page = file.endsWith(".html") || file.endsWith(".json");
    Scenario sc;
    TimingsPage measured = null;
    if (page) {
      measured = TimingsReader.read(scenarioFile);
      sc = new ModelOptions().imported(measured, graph, metadata, spec.commandLine().getErr());
    } else {
      if (metadata != null || graph != null) {
        throw new BadInputException("--metadata and --graph go with a timing page, not a scenario");
      }
      sc = ScenarioReader.read(scenarioFile);
    }
    sc = Overrides.apply(sc, jobs, mode == null ? null : parseMode(mode));
    sc = Overrides.rebuild(sc, buildKind, edits);
    if (page) {
      Overrides.requireMembers(sc);
    }
    sc = Overrides.strategies(sc, strategies);
    sc = Overrides.set(sc, overrides);
    Output.requireWritable("-o: ", output);
    Output.requireWritable("--html: ", html);
    BuildResult r = BuildSimulator.simulate(sc);
    // everything rendered, then written, then printed: a failure leaves nothing behind
    String text = trace ? ChromeTrace.build(sc, r) : f.reporter().build(sc.name(), r);
    String htmlPage =
        html == null
            ? null
            : measured == null ? HtmlReport.render(sc, r) : HtmlReport.render(sc, r, measured);
    if (output != null) {
      Output.write("-o: ", output, text);
    }
    if (htmlPage != null) {
      Output.write("--html: ", html, htmlPage);
    }
    if (output == null) {
      Output.print(spec, text);
    }
    return 0;
  }

  static Mode parseMode(String m) {
    try {
      return Mode.parse(m);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--mode: " + e.getMessage());
    }
  }
}
