package org.cratesim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cratesim.sweep.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cratesim bench}: times simulated builds of synthetic graphs (a benchmark, not a test). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Runs the hold model on the engine (1,000 pending events, 5,000,000 events), "
            + "times the engine alone on tasks (8 running, 100,000 tasks), one simulated build of "
            + "synthetic graphs of 100, 1,000 and 10,000 units (16 CGUs each, -j8, debug) after a JIT "
            + "warm-up, and the peak heap of a 100,000-unit build. A benchmark, not a test: figures "
            + "depend on the machine. JSON keys: hold_events_per_s, engine_task_ns, build_1k_ms, "
            + "build_10k_ms, heap_100k_mb (and more).")
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--seconds",
      defaultValue = "2",
      description = "Measurement time per graph size (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--skip-100k", description = "Skip the 100,000-unit heap measurement.")
  boolean skip100k;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Benchmark.Figure> figures = new ArrayList<>();
    Benchmark.run(
        seconds,
        skip100k,
        f -> {
          figures.add(f);
          if (!json) {
            out.print(f.text());
          }
        });
    if (json) {
      out.println(Benchmark.json(figures));
    }
    out.flush();
    return 0;
  }
}
