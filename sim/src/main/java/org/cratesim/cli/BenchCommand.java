package org.cratesim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cratesim.report.ReportFormat;
import org.cratesim.sweep.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cratesim bench}: times simulated builds of synthetic graphs (a benchmark, not a test). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Times the simulator on this machine, with spread.",
      "Runs the hold model on the engine (1,000 pending events, 5,000,000 events), times the"
          + " engine alone on tasks (8 running, 100,000 tasks), simulated builds of synthetic"
          + " graphs of 100, 1,000 and 10,000 units (16 CGUs each, -j8, debug) after a JIT"
          + " warm-up, in --reps windows (median, min and max of the windows' medians;"
          + " a warning when max / min > 1.5 or the relative sd > 10 %%, as hyperfine warns:"
          + " the machine was busy), and the peak heap of a 100,000-unit build. A benchmark, not"
          + " a test: figures depend on the machine. JSON keys: hold_events_per_s,"
          + " engine_task_ns, build_1k_ms, build_1k_min_ms, build_1k_max_ms, build_1k_busy,"
          + " heap_100k_mb (and more)."
    },
    footer = {"", "Example:", "  cratesim bench --seconds 0.2 --skip-100k --format json"})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--seconds",
      defaultValue = "2",
      paramLabel = "S",
      description = "Measurement time per graph size (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(
      names = "--reps",
      defaultValue = "" + Benchmark.DEFAULT_REPETITIONS,
      paramLabel = "N",
      description =
          "Repetitions: the windows each build figure is measured in, the figure their median"
              + " (default: ${DEFAULT-VALUE}; measure --reps repeats real builds the same way).")
  int repetitions;

  @Option(names = "--skip-100k", description = "Skip the 100,000-unit heap measurement.")
  boolean skip100k;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  /** Deprecated: {@code --format json}. */
  @Option(names = "--json", hidden = true, description = "The same as --format json.")
  boolean json;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    ReportFormat f =
        json
            ? ReportFormat.JSON
            : Output.format(
                format,
                "--format must be text or json, was '" + format + "'",
                ReportFormat.TEXT,
                ReportFormat.JSON);
    if (repetitions < 1 || repetitions > 1000) {
      throw new BadInputException("--reps must be between 1 and 1000, was " + repetitions);
    }
    if (!(seconds > 0) || seconds > 3600) {
      throw new BadInputException("--seconds must be above 0 and at most 3600, was " + seconds);
    }
    Output.requireWritable("-o: ", output);
    boolean text = f == ReportFormat.TEXT;
    boolean live = text && output == null;
    List<Benchmark.Figure> figures = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    Benchmark.run(
        seconds,
        skip100k,
        repetitions,
        fig -> {
          figures.add(fig);
          all.append(fig.text());
          if (live) {
            Output.print(spec, fig.text());
          }
        });
    if (!live) {
      Output.emit(
          spec, output, text ? all.toString() : Benchmark.json(figures, repetitions) + "\n");
    }
    return 0;
  }
}
