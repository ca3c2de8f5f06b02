package org.cratesim.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.model.Scenario;
import org.cratesim.report.Seconds;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim predict PAGE --jobs N}: the same build at another -j. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Imports a cargo --timings page and predicts the wall time of the same build at",
      "another -j, with the calibrated model of what changes per unit (codegen units on more",
      "tokens, contention between busy threads)."
    })
public final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PAGE", description = "cargo-timing.html or .json")
  Path page;

  @Option(names = {"-j", "--jobs"}, required = true, paramLabel = "N",
      description = "The -j to predict for.")
  int jobs;

  @Option(names = "--graph", paramLabel = "FILE",
      description = "cargo --unit-graph JSON of the same build: use its complete edges.")
  Path graph;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    if (jobs < 1 || jobs > 100_000) {
      throw new BadInputException("--jobs must be between 1 and 100000, was " + jobs);
    }
    if (!format.equals("text") && !format.equals("json")) {
      throw new BadInputException("--format must be text or json, was '" + format + "'");
    }
    model.validate();
    TimingsPage p = TimingsReader.read(page);
    Scenario sc = ImportCommand.importPage(p, graph, model);
    BuildResult at = BuildSimulator.simulate(sc.withBuild(sc.build().withJobs(jobs)));
    BuildResult same = BuildSimulator.simulate(sc);
    var out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.printf(Locale.ROOT, "{\"wall_time_s\": %s, \"measured_wall_time_s\": %s, "
              + "\"measured_jobs\": %d, \"jobs\": %d, \"mode\": \"%s\", "
              + "\"replayed_wall_time_s\": %s, \"critical_path_s\": %s}%n",
          Seconds.decimal(at.wallNanos()), Seconds.decimal(Math.round(p.totalSeconds() * 1e9)),
          p.jobs(), jobs, sc.build().mode().id(), Seconds.decimal(same.wallNanos()),
          Seconds.decimal(at.criticalPathNanos()));
    } else {
      out.printf(Locale.ROOT, "%s: %s, %d units%n", page.getFileName(), sc.build().mode().id(),
          at.units().size());
      out.printf(Locale.ROOT, "  measured at -j%-4d %9.2f s%n", p.jobs(), p.totalSeconds());
      out.printf(Locale.ROOT, "  replayed at -j%-4d %9.2f s  (the model on the page's own -j)%n",
          p.jobs(), same.wallNanos() / 1e9);
      out.printf(Locale.ROOT, "  predicted at -j%-3d %9.2f s  (critical path %.2f s)%n", jobs,
          at.wallNanos() / 1e9, at.criticalPathNanos() / 1e9);
    }
    out.flush();
    return 0;
  }
}
