package org.cratesim.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cratesim.cargo.BuildResult;
import org.cratesim.engine.CycleModel;
import org.cratesim.engine.HoldModel;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.cargo.UnitGraph;
import org.cratesim.cargo.UnitGraphBuilder;
import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.SyntheticGraphs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cratesim bench}: times simulated builds of synthetic graphs (a benchmark, not a test). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Runs the hold model on the engine (1,000 pending events, 5,000,000 events), "
        + "times the engine alone on tasks (8 running, 100,000 tasks), one simulated build of "
        + "synthetic graphs of 100, 1,000 and 10,000 units (16 CGUs each, -j8, debug) after a JIT "
        + "warm-up, and the peak heap of a 100,000-unit build. A benchmark, not a test: figures "
        + "depend on the machine. JSON keys: hold_events_per_s, engine_task_ns, build_1k_ms, "
        + "build_10k_ms, heap_100k_mb (and more).")
public final class BenchCommand implements Callable<Integer> {
  static final long HOLD_EVENTS = 5_000_000;
  static final int CYCLE_TASKS = 100_000;

  @Spec CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "2",
      description = "Measurement time per graph size (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--skip-100k", description = "Skip the 100,000-unit heap measurement.")
  boolean skip100k;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    StringBuilder js = new StringBuilder("{");
    // (a) the hold model: 1,000 pending events, each fired event schedules one more
    for (int w = 0; w < 3; w++) {
      HoldModel.run(1_000, 1_000_000, w);
    }
    long h0 = System.nanoTime();
    HoldModel.run(1_000, HOLD_EVENTS, 42);
    double holdEps = HOLD_EVENTS / ((System.nanoTime() - h0) / 1e9);
    if (!json) {
      out.printf(Locale.ROOT, "hold model: %,d events with 1,000 pending, %,.0f events/s%n",
          HOLD_EVENTS, holdEps);
    }
    js.append(String.format(Locale.ROOT, "\"hold_events_per_s\": %.0f, ", holdEps));
    // the engine's share of a build: task start + wake-up + handling, 8 tasks running
    for (int w = 0; w < 20; w++) {
      CycleModel.run(8, CYCLE_TASKS, w);
    }
    long c0 = System.nanoTime();
    for (int r = 0; r < 10; r++) {
      CycleModel.run(8, CYCLE_TASKS, 42 + r);
    }
    double taskNs = (System.nanoTime() - c0) / (10.0 * CYCLE_TASKS);
    if (!json) {
      out.printf(Locale.ROOT, "engine alone: %.0f ns per task (start, wake-up, handling; 8 "
          + "running)%n", taskNs);
    }
    js.append(String.format(Locale.ROOT, "\"engine_task_ns\": %.1f, ", taskNs));
    for (int n : new int[] {100, 1_000, 10_000}) {
      Scenario sc = SyntheticGraphs.layered(n, 16, 8, Mode.DEBUG, 42);
      UnitGraph g = UnitGraphBuilder.build(sc);
      long deadline = System.nanoTime() + (long) (seconds * 0.5e9);
      while (System.nanoTime() < deadline) {
        BuildSimulator.simulate(sc, g); // warm-up
      }
      long[] times = new long[4096];
      int runs = 0;
      long events = 0;
      deadline = System.nanoTime() + (long) (seconds * 1e9);
      while ((runs < 3 || System.nanoTime() < deadline) && runs < times.length) {
        long t0 = System.nanoTime();
        BuildResult r = BuildSimulator.simulate(sc, g);
        times[runs++] = System.nanoTime() - t0;
        events = r.events();
      }
      long[] t = Arrays.copyOf(times, runs);
      Arrays.sort(t);
      double ms = t[runs / 2] / 1e6;
      double eps = events / (t[runs / 2] / 1e9);
      if (!json) {
        out.printf(Locale.ROOT, "%,7d units: %8.3f ms per build (median of %d), %,d events, "
            + "%,.0f events/s%n", g.size(), ms, runs, events, eps);
      }
      String key = n >= 1_000 ? (n / 1_000) + "k" : String.valueOf(n);
      js.append(String.format(Locale.ROOT, "\"build_%s_ms\": %.3f, \"build_%s_events_per_s\": "
          + "%.0f, ", key, ms, key, eps));
    }
    if (!skip100k) {
      System.gc();
      resetPeaks();
      long t0 = System.nanoTime();
      Scenario sc = SyntheticGraphs.layered(100_000, 16, 8, Mode.DEBUG, 42);
      BuildResult r = BuildSimulator.simulate(sc);
      double secs = (System.nanoTime() - t0) / 1e9;
      double mb = peakHeapBytes() / (1024.0 * 1024.0);
      if (!json) {
        out.printf(Locale.ROOT, "100,000 units: %.2f s (graph + simulation), peak heap %.0f MiB, "
            + "max heap %d MiB, wall time %.1f s simulated%n", secs, mb,
            Runtime.getRuntime().maxMemory() >> 20, r.wallNanos() / 1e9);
      }
      js.append(String.format(Locale.ROOT, "\"heap_100k_mb\": %.0f, ", mb));
    }
    js.setLength(js.length() - 2);
    js.append("}");
    if (json) {
      out.println(js);
    }
    out.flush();
    return 0;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
