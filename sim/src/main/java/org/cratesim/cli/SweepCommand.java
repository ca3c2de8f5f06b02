package org.cratesim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cratesim.sweep.LocalExecutor;
import org.cratesim.sweep.SweepFile;
import org.cratesim.sweep.SweepRunner;
import org.cratesim.sweep.SweepSpec;
import org.cratesim.sweep.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim sweep}: a grid of design points × replications, resumable. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a grid of design points with replications.",
      "Runs every combination of the varied parameters (first one slowest), each replicated "
          + "with run-to-run noise, in parallel; writes OUT/results.csv (one row per point and "
          + "replication), OUT/summary.csv (n, mean, sd, 95 %% CI of the wall time) and "
          + "OUT/sweep.txt. Identical files on any number of threads; --resume finishes a sweep "
          + "that was killed."
    },
    footer = {
      "",
      "Examples:",
      "  cratesim sweep scenarios/serde-like.toml --vary jobs=1,2,4,8 \\",
      "      --vary strategy=none,shared-cache --replications 30 -o out/",
      "  cratesim sweep scenarios/sweeps/serde-cores-strategies.toml -o out2/",
      "Parameters: jobs, mode, build_kind, strategy (none, NAME, a+b, NAME:key=value), "
          + "a profile key (codegen_units, lto, opt_level, linker, ...) or any TABLE.KEY "
          + "of run --set."
    })
public final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description =
          "A scenario, or a sweep file (scenario = \"...\", [vary], replications, "
              + "seed, [noise]).")
  Path file;

  @Option(
      names = "--vary",
      paramLabel = "KEY=V1,V2,...",
      description = "A parameter and its values (repeatable).")
  List<String> vary = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Directory for the results.")
  Path out;

  @Option(
      names = "--replications",
      paramLabel = "N",
      description = "Replications per point (default: the sweep file's, else 10).")
  Integer replications;

  @Option(names = "--seed", paramLabel = "S", description = "Seed (default: the file's, else 1).")
  Long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--resume", description = "Finish the sweep already in OUT.")
  boolean resume;

  @Option(
      names = "--no-noise",
      description = "No run-to-run variability (every replication " + "is the same build).")
  boolean noNoise;

  @Option(
      names = "--independent",
      description =
          "Independent random numbers per design " + "point instead of common random numbers.")
  boolean independent;

  @Override
  public Integer call() throws Exception {
    SweepSpec s;
    try {
      s =
          SweepFile.read(
              file, new SweepFile.Settings(vary, replications, seed, noNoise, independent));
    } catch (SweepFile.BadSweepException e) {
      throw new BadInputException(e.getMessage());
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new BadInputException("--threads must be >= 1");
    }
    int total = s.points().size() * s.replications();
    SweepRunner.Outcome o;
    try (Progress bar = new Progress("sweep", total)) {
      o = SweepRunner.run(s, out, resume, new LocalExecutor(n), bar::stepTo);
    } catch (SweepRunner.SweepStateException | IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    Output.print(spec, SweepSummary.text(s, o, out));
    return 0;
  }
}
