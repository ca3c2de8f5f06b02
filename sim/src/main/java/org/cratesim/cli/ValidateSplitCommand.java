package org.cratesim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cratesim.calibration.SplitValidation;
import org.cratesim.importer.Calibrations;
import org.cratesim.report.ReportFormat;
import org.cratesim.report.SplitMergeReport;
import org.cratesim.scenario.SplitMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cratesim validate-split}: own-2core's mono split as split was written, vs measured. */
@Command(
    name = "validate-split",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the split model against own-2core's builds.",
      "Imports own-2core-2026's mono pages (check, clean-dev, clean-release, every -j) with "
          + "mono's cargo metadata, splits its one crate the way the split workspace was written "
          + "(as many parts as split has members, shape layered: m00 -> {m01..m04} -> {m05..m08} "
          + "-> m09) and compares the predicted wall time with split's measured builds (median of "
          + "runs.csv), with mono's own replay and the ordering mono vs split."
    },
    footer = {
      "",
      "Example:",
      "  cratesim validate-split --own ../shared/groundtruth/own-2core-2026 --generic-share 0.76"
    })
public final class ValidateSplitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--own",
      paramLabel = "DIR",
      defaultValue = "../shared/groundtruth/own-2core-2026",
      description = "The own-2core-2026 directory (default: ${DEFAULT-VALUE}).")
  Path own;

  @Option(
      names = "--generic-share",
      defaultValue = "" + SplitMerge.DEFAULT_GENERIC_SHARE,
      paramLabel = "G",
      description =
          "Share of mono's codegen that is generic copies made by the top part (see split --help;"
              + " default: ${DEFAULT-VALUE}; split's -Z time-passes give 0.76).")
  double genericShare;

  @Option(
      names = "--duplication",
      defaultValue = "" + SplitMerge.DEFAULT_DUPLICATION,
      paramLabel = "F",
      description = "Generic duplication (see split --help; default: ${DEFAULT-VALUE}).")
  double duplication;

  @Option(
      names = "--part-startup",
      defaultValue = "" + SplitMerge.DEFAULT_PART_STARTUP_S,
      paramLabel = "S",
      description = "rustc's start-up per part, seconds (default: ${DEFAULT-VALUE}).")
  double partStartup;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws Exception {
    ReportFormat f = SplitCommand.parseFormat(format);
    Output.requireWritable("-o: ", output);
    if (!Files.isRegularFile(own.resolve("runs.csv"))) {
      throw new BadInputException(own + ": not an own-2core-2026 directory (no runs.csv)");
    }
    SplitValidation.Report r;
    try {
      r =
          SplitValidation.run(
              own,
              Calibrations.shipped(),
              new SplitMerge.Options(duplication, genericShare, partStartup));
    } catch (IllegalArgumentException | IOException e) {
      throw new BadInputException(e.getMessage());
    }
    Output.emit(
        spec,
        output,
        switch (f) {
          case JSON -> SplitMergeReport.validationJson(r);
          case CSV -> SplitMergeReport.validationCsv(r);
          default -> SplitMergeReport.validationText(r);
        });
    return 0;
  }
}
