package org.cratesim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cratesim.calibration.RebuildValidation;
import org.cratesim.importer.Calibrations;
import org.cratesim.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cratesim validate-rebuilds}: incremental and precompiled-macro builds vs measured. */
@Command(
    name = "validate-rebuilds",
    mixinStandardHelpOptions = true,
    description = {
      "Checks incremental rebuilds against measured ones.",
      "Predicts every incremental rebuild of an own-2core-2026-style folder (each incr-* "
          + "kind of runs.csv or of <ws>/timings/ that has clean pages of the same workspace, "
          + "mode and -j; the edited crate from cargo metadata and the kind's name: top, leaf, "
          + "mid; incr-dev-edit-* is a signature edit, the others comment edits) and its "
          + "precompiled-proc-macro builds from the clean builds' pages, and reports the error "
          + "against the measured medians. --fit refits the [incremental] parameters on the "
          + "rebuilds (and reports the leave-one-workspace-out error)."
    },
    footer = {
      "",
      "Example:",
      "  cratesim validate-rebuilds --own ../shared/groundtruth/own-2core-2026 --format json"
    })
public final class ValidateRebuildsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--own",
      paramLabel = "DIR",
      defaultValue = "../shared/groundtruth/own-2core-2026",
      description = "The own-2core-2026 directory (default: ${DEFAULT-VALUE}).")
  Path own;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "text (default) or json: {\"rows\": [{workspace, kind, jobs, edit, predicted_s, "
              + "measured_median_s, error}], \"summary\": {n, median_abs_error, max_abs_error}, "
              + "\"skipped\", \"precompiled\"}.")
  String format = "text";

  @Option(
      names = "--fit",
      description =
          "Refit the [incremental] parameters on these rebuilds (slow: about a minute), report "
              + "the rebuilds with the fitted values and the leave-one-workspace-out error.")
  boolean fit;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws Exception {
    ReportFormat f =
        Output.format(
            format,
            "--format: expected text or json, got '" + format + "'",
            ReportFormat.TEXT,
            ReportFormat.JSON);
    if (!Files.isRegularFile(own.resolve("runs.csv"))) {
      throw new BadInputException(own + ": not an own-2core-2026 directory (no runs.csv)");
    }
    Calibrations cals = Calibrations.shipped();
    RebuildValidation.Prepared p = RebuildValidation.prepare(own, cals);
    Optional<RebuildValidation.Fit> fitted =
        fit ? Optional.of(RebuildValidation.fit(p)) : Optional.empty();
    List<RebuildValidation.IncrementalRow> rows =
        fitted.map(RebuildValidation.Fit::rows).orElseGet(p::rows);
    List<RebuildValidation.PrecompiledRow> pre = RebuildValidation.precompiled(own, cals);
    String out =
        f == ReportFormat.JSON
            ? RebuildValidation.json(rows, p.skipped(), pre, fitted)
            : RebuildValidation.report(rows, p.skipped(), pre, fitted);
    if (output == null) {
      Output.print(spec, out);
    } else {
      Output.write("-o: ", output, out);
    }
    return 0;
  }
}
