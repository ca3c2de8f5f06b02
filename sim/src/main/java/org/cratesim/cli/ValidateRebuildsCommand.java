package org.cratesim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cratesim.calibration.RebuildValidation;
import org.cratesim.importer.Calibrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cratesim validate-rebuilds}: incremental and precompiled-macro builds vs measured. */
@Command(
    name = "validate-rebuilds",
    mixinStandardHelpOptions = true,
    description =
        "Predicts own-2core-2026's incremental rebuilds (touch the top, leaf or middle "
            + "crate; cargo build or check) and its precompiled-proc-macro builds from the clean "
            + "builds' pages, and reports the error against the measured medians.",
    footer = {"", "Example: cratesim validate-rebuilds --own ../shared/groundtruth/own-2core-2026"})
public final class ValidateRebuildsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--own",
      paramLabel = "DIR",
      defaultValue = "../shared/groundtruth/own-2core-2026",
      description = "The own-2core-2026 directory (default: ${DEFAULT-VALUE}).")
  Path own;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(own.resolve("runs.csv"))) {
      throw new BadInputException(own + ": not an own-2core-2026 directory (no runs.csv)");
    }
    Calibrations cals = Calibrations.shipped();
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        RebuildValidation.report(
            RebuildValidation.incremental(own, cals), RebuildValidation.precompiled(own, cals)));
    out.flush();
    return 0;
  }
}
