package org.cratesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cratesim.calibration.CostCalibration;
import org.cratesim.calibration.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cratesim calibrate-costs}: refits the size-based cost rates (costs.toml), one command. */
@Command(
    name = "calibrate-costs",
    mixinStandardHelpOptions = true,
    description = {
      "Refits the cost model's rates (costs.toml).",
      "Fits the size-based cost model's rates (costs.toml) on the leaf crates of "
          + "groundtruth/lqd-epyc-2022: leaf-crate-profiles.csv (lines, LLVM IR lines and copies, "
          + "-Ztime-passes) and the leaf units of the -j1 timing pages (check, debug, opt). "
          + "Prints costs.toml (or writes it), and the fit quality per pass to stderr. Keys the "
          + "data cannot see keep the shipped values."
    },
    footer = {"", "Reproduce the shipped file (about 4 s):", "  " + CostCalibration.COMMAND})
public final class CalibrateCostsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--shared",
      required = true,
      paramLabel = "DIR",
      description = "The shared folder holding groundtruth/.")
  Path shared;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write costs.toml to FILE (default: print it).")
  Path output;

  /** Deprecated name of {@code -o}, kept for old scripts. */
  @Option(names = "--write", hidden = true, paramLabel = "FILE", description = "Same as -o.")
  Path oldWrite;

  @Override
  public Integer call() {
    Path write = output != null ? output : oldWrite;
    Output.requireWritable("-o: ", write);
    CostCalibration.Result result;
    try {
      result = CostCalibration.calibrate(shared);
    } catch (DataException e) {
      throw new BadInputException(e.getMessage());
    }
    String toml = CostCalibration.toml(result);
    PrintWriter err = spec.commandLine().getErr();
    err.print(CostCalibration.table(result));
    if (write != null) {
      Output.write("-o: ", write, toml);
      err.println("wrote " + write);
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(toml);
      out.flush();
    }
    err.flush();
    return 0;
  }
}
