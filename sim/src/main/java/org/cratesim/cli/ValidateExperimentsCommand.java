package org.cratesim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cratesim.calibration.ExperimentValidation;
import org.cratesim.importer.Calibrations;
import org.cratesim.report.ExperimentReport;
import org.cratesim.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim validate-experiments}: what-ifs against measured cargo changes. */
@Command(
    name = "validate-experiments",
    mixinStandardHelpOptions = true,
    description = {
      "Checks measured cargo changes against predictions.",
      "Predicts measured changes of cargo (build dependencies without debuginfo, the "
          + "pending queue sorted by priority, scheduling hints) from each crate's -j1 page and "
          + "compares the predicted ratio custom / base with the measured one, per experiment, "
          + "mode and -j; plus the core-count curve T(-jN) / T(-j8) of the baselines."
    },
    footer = {
      "",
      "DIR holds hyperfine-train.csv with the columns experiment, mode, jobs,",
      "crate, base_mean_s, base_sd_s, custom_mean_s, custom_sd_s. A measured change",
      "is significant above 2 %% and 3 sd of the difference.",
      "Example:",
      "  cratesim validate-experiments ../shared/groundtruth/lqd-experiments"
    })
public final class ValidateExperimentsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "Folder holding hyperfine-train.csv.")
  Path dir;

  @Option(
      names = "--pages",
      paramLabel = "DIR",
      description = "Folder of the -j1 timing pages (default: the sibling folder lqd-epyc-2022).")
  Path pages;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json or csv (per-crate rows) (default: text).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  /** Deprecated: {@code --format csv -o FILE} writes the same rows; kept for old scripts. */
  @Option(
      names = "--rows",
      hidden = true,
      paramLabel = "FILE",
      description = "Also write per-crate rows as CSV (deprecated: --format csv -o FILE).")
  Path rowsFile;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all).")
  Integer threads;

  @Option(
      names = "--fit-host-debuginfo",
      description =
          "Instead: fit costs.timed_host_debuginfo_none_factor (what a host unit given in seconds"
              + " takes without debuginfo) on build-defaults at check -j1, and print the table.")
  boolean fit;

  @Override
  public Integer call() throws Exception {
    ReportFormat f =
        Output.format(
            format,
            "--format must be text, json or csv, was '" + format + "'",
            ReportFormat.TEXT,
            ReportFormat.JSON,
            ReportFormat.CSV);
    Output.requireWritable("-o: ", output);
    Output.requireWritable("--rows: ", rowsFile);
    Path csv = dir.resolve("hyperfine-train.csv");
    if (!Files.isRegularFile(csv)) {
      throw new BadInputException(dir + ": no hyperfine-train.csv in it");
    }
    Path p =
        pages != null ? pages : dir.toAbsolutePath().normalize().resolveSibling("lqd-epyc-2022");
    if (!Files.isDirectory(p)) {
      throw new BadInputException(p + ": not a folder of timing pages (give --pages DIR)");
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (n < 1 || n > 1024) {
      throw new BadInputException("--threads must be between 1 and 1024, was " + n);
    }
    List<ExperimentValidation.Measured> measured = ExperimentValidation.read(csv);
    if (fit) {
      Output.print(
          spec,
          ExperimentReport.fit(
              ExperimentValidation.fitHostDebuginfo(measured, p, Calibrations.shipped(), n)));
      return 0;
    }
    ExperimentValidation.Report r =
        ExperimentValidation.run(measured, p, Calibrations.shipped(), n, i -> {});
    if (rowsFile != null) {
      Output.write("--rows: ", rowsFile, ExperimentReport.rows(r));
    }
    Output.emit(spec, output, f.reporter().experiments(r));
    return 0;
  }
}
