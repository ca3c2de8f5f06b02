package org.cratesim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cratesim.calibration.DataException;
import org.cratesim.calibration.StrategyValidation;
import org.cratesim.importer.Calibrations;
import org.cratesim.report.ReportFormat;
import org.cratesim.report.StrategyValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim validate-strategies DIR}: measured what-ifs against their predictions. */
@Command(
    name = "validate-strategies",
    mixinStandardHelpOptions = true,
    description = {
      "Checks measured what-ifs against their predictions.",
      "Predicts every measured what-if of DIR (rustc's expansion cache, sccache, ...) from "
          + "the baseline's timing page with cargo metadata, and compares the predicted change "
          + "with the measured median change (and the range of the paired runs)."
    },
    footer = {
      "",
      "DIR holds whatifs.toml ([[whatif]] entries: workspace, campaign, baseline, variant,",
      "strategy, build_kind = clean|incremental, edit, page, metadata) and the cratesim",
      "measure folders it names.",
      "Example:",
      "  java -jar sim/target/cratesim.jar validate-strategies \\",
      "      sim/src/test/resources/measured/own-2core-2026-12-02 --format json"
    })
public final class ValidateStrategiesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "Folder holding whatifs.toml.")
  Path dir;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: text).")
  String format;

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
            "--format must be text or json, was '" + format + "'",
            ReportFormat.TEXT,
            ReportFormat.JSON);
    if (!Files.isRegularFile(dir.resolve("whatifs.toml"))) {
      throw new BadInputException(dir + ": no whatifs.toml in it");
    }
    List<StrategyValidation.Row> rows;
    try {
      rows = StrategyValidation.validate(dir, Calibrations.shipped());
    } catch (DataException e) {
      throw new BadInputException(e.getMessage());
    }
    Output.requireWritable("-o: ", output);
    Output.emit(
        spec,
        output,
        f == ReportFormat.JSON
            ? StrategyValidationReport.json(rows)
            : StrategyValidationReport.text(rows));
    return 0;
  }
}
