package org.cratesim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cratesim.model.Scenario;
import org.cratesim.report.ReportFormat;
import org.cratesim.report.SplitMergeReport;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.scenario.SplitMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim merge SCENARIO --crates A,B,C --into X -o OUT}: several crates become one. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Merges crates into one and compares builds.",
      "Writes a new scenario in which crates are replaced by one crate X, then compares the "
          + "simulated builds before and after at each -j. Crates described by their size (loc): "
          + "sizes are summed, references between them dropped, dependents use X. Crates given in "
          + "seconds: their phases are summed minus what a split of X into them adds (rustc's "
          + "start-up per crate, metadata loaded between them and of their dependencies more than "
          + "once, metadata a bin's lib parts write, generic copies made again by several of "
          + "them, inlined code translated again, link inputs), with the options split uses. "
          + "Merging the parts a split produced, in order and with the split's options, restores "
          + "the scenario that was split."
    },
    footer = {
      "",
      "Examples (own-2core's split workspace as one crate; a split undone):",
      "  cratesim merge scenarios/workspaces/split.toml \\",
      "      --crates m00,m01,m02,m03,m04,m05,m06,m07,m08,m09 --into mono --jobs 1,2 -o mono.toml",
      "  cratesim split scenarios/workspaces/mono.toml --crate mono --parts 3 -o split.toml",
      "  cratesim merge split.toml --crates mono-1,mono-2,mono-3 --into mono -o merged.toml"
    })
public final class MergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (TOML).")
  Path scenarioFile;

  @Option(
      names = "--crates",
      required = true,
      split = ",",
      hideParamSyntax = true,
      paramLabel = "A,B,..",
      description =
          "Crates to merge, comma-separated; the first gives X its version, "
              + "codegen_units and dependency order.")
  List<String> crates;

  @Option(
      names = "--into",
      required = true,
      paramLabel = "X",
      description = "Name of the merged crate (new, or one of the merged crates).")
  String into;

  @Option(
      names = "--duplication",
      defaultValue = "" + SplitMerge.DEFAULT_DUPLICATION,
      paramLabel = "F",
      description =
          "Crates given in seconds: the generic duplication the split added (see split --help;"
              + " default: ${DEFAULT-VALUE}).")
  double duplication;

  @Option(
      names = "--generic-share",
      defaultValue = "" + SplitMerge.DEFAULT_GENERIC_SHARE,
      paramLabel = "G",
      description =
          "Crates given in seconds: the generic share of the merged crate's codegen"
              + " (see split --help; default: ${DEFAULT-VALUE}).")
  double genericShare;

  @Option(
      names = "--part-startup",
      defaultValue = "" + SplitMerge.DEFAULT_PART_STARTUP_S,
      paramLabel = "S",
      description =
          "Crates given in seconds: rustc's start-up each merged crate paid, seconds"
              + " (default: ${DEFAULT-VALUE}).")
  double partStartup;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N,..",
      description =
          "The -j values to compare both builds at, comma-separated (default: the scenario's).")
  String jobs;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description = "File to write the new scenario to.")
  Path output;

  @Override
  public Integer call() throws Exception {
    ReportFormat f = SplitCommand.parseFormat(format);
    Scenario before = ScenarioReader.read(scenarioFile);
    List<Integer> js = SplitCommand.parseJobs(jobs, before);
    Scenario after;
    try {
      after =
          SplitMerge.merge(
              before, crates, into, new SplitMerge.Options(duplication, genericShare, partStartup));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    String what =
        "merged crates "
            + String.join(", ", crates)
            + " of "
            + scenarioFile
            + " into '"
            + into
            + "'";
    String report =
        SplitCommand.render(f, SplitMergeReport.compare(what, output, before, after, js));
    Output.writeScenario(output, after, List.of("cratesim " + what));
    Output.print(spec, report);
    return 0;
  }
}
