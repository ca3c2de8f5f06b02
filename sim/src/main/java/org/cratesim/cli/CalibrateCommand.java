package org.cratesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cratesim.calibration.Calibrator;
import org.cratesim.calibration.DataException;
import org.cratesim.calibration.ModelCalibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cratesim calibrate}: refits the shipped calibration on the ground truth, one command
 * ({@link ModelCalibration}).
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Refits the -j model's parameters (calibration.toml).",
      "Fits the model's parameters on the ground truth and prints (or writes) "
          + "calibration.toml.",
      "epyc-2022.<mode>: all parameters, on lqd-epyc-2022 -j1 -> -j8 pairs of that mode.",
      "2core-2026.<mode>: the epyc-2022 values, with the machine's contention refitted on "
          + "own-2core-2026 -j1 -> -j2 clean builds of that mode, with each workspace's "
          + "--unit-graph (few pairs: few parameters).",
      "Objective: median |error| + p90 |error| / 2, over pairs measured >= 1 s."
    },
    footer = {
      "",
      "Reproduce the shipped file (about 30 s):",
      "  cratesim calibrate --shared ../shared \\",
      "      -o sim/src/main/resources/org/cratesim/importer/calibration.toml"
    })
public final class CalibrateCommand implements Callable<Integer> {
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
      description = "Write calibration.toml to FILE (default: print it).")
  Path output;

  /** Deprecated name of {@code -o}, kept for old scripts. */
  @Option(names = "--write", hidden = true, paramLabel = "FILE", description = "Same as -o.")
  Path oldWrite;

  @Option(
      names = "--rounds",
      defaultValue = "6",
      paramLabel = "N",
      description = "Coordinate-descent rounds per fit (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--cross-validate",
      description = "Also fit each epyc mode on half the pairs and report the other half.")
  boolean crossValidate;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads.")
  Integer threads;

  @Option(
      names = "--objective",
      defaultValue = "hybrid",
      paramLabel = "WHAT",
      description =
          "units (per-unit durations at the new -j), wall (wall time) or hybrid "
              + "(both; default).")
  String objective;

  @Override
  public Integer call() throws Exception {
    Path write = output != null ? output : oldWrite;
    Output.requireWritable("-o: ", write);
    Calibrator.Objective what = objective();
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    PrintWriter err = spec.commandLine().getErr();
    ModelCalibration.Result result;
    try {
      result =
          ModelCalibration.calibrate(
              shared,
              new ModelCalibration.Options(rounds, crossValidate, n, what),
              line -> {
                err.println(line);
                err.flush();
              });
    } catch (DataException e) {
      throw new BadInputException(e.getMessage());
    }
    String toml = result.toml();
    if (write != null) {
      Output.write("-o: ", write, toml);
      err.println("wrote " + write);
    } else {
      spec.commandLine().getOut().print(toml);
    }
    err.flush();
    spec.commandLine().getOut().flush();
    return 0;
  }

  private Calibrator.Objective objective() {
    try {
      return Calibrator.Objective.valueOf(objective.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          "--objective must be units, wall or hybrid, was '" + objective + "'");
    }
  }
}
