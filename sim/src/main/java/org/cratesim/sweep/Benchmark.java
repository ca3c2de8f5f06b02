package org.cratesim.sweep;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.cargo.UnitGraph;
import org.cratesim.cargo.UnitGraphBuilder;
import org.cratesim.engine.CycleModel;
import org.cratesim.engine.HoldModel;
import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.SyntheticGraphs;

/**
 * {@code cratesim bench}: times the engine (the hold model, tasks alone) and simulated builds of
 * synthetic graphs, and measures the peak heap of a 100,000-unit build. A benchmark, not a test:
 * the figures depend on the machine.
 */
public final class Benchmark {
  static final long HOLD_EVENTS = 5_000_000;
  static final int CYCLE_TASKS = 100_000;

  private Benchmark() {}

  /**
   * One measurement as it is reported.
   *
   * @param text a line for people (with its line end)
   * @param json its JSON fields, {@code "key": value, } (each followed by a comma and a space)
   */
  public record Figure(String text, String json) {}

  /**
   * Measures, handing each figure to {@code each} as soon as it is known.
   *
   * @param seconds measurement time per graph size (half as much again for the JIT warm-up)
   * @param skip100k skip the 100,000-unit heap measurement
   */
  public static void run(double seconds, boolean skip100k, Consumer<Figure> each) {
    // (a) the hold model: 1,000 pending events, each fired event schedules one more
    for (int w = 0; w < 3; w++) {
      HoldModel.run(1_000, 1_000_000, w);
    }
    long h0 = System.nanoTime();
    HoldModel.run(1_000, HOLD_EVENTS, 42);
    double holdEps = HOLD_EVENTS / ((System.nanoTime() - h0) / 1e9);
    each.accept(
        new Figure(
            String.format(
                Locale.ROOT,
                "hold model: %,d events with 1,000 pending, %,.0f events/s%n",
                HOLD_EVENTS,
                holdEps),
            String.format(Locale.ROOT, "\"hold_events_per_s\": %.0f, ", holdEps)));
    // the engine's share of a build: task start + wake-up + handling, 8 tasks running
    for (int w = 0; w < 20; w++) {
      CycleModel.run(8, CYCLE_TASKS, w);
    }
    long c0 = System.nanoTime();
    for (int r = 0; r < 10; r++) {
      CycleModel.run(8, CYCLE_TASKS, 42 + r);
    }
    double taskNs = (System.nanoTime() - c0) / (10.0 * CYCLE_TASKS);
    each.accept(
        new Figure(
            String.format(
                Locale.ROOT,
                "engine alone: %.0f ns per task (start, wake-up, handling; 8 " + "running)%n",
                taskNs),
            String.format(Locale.ROOT, "\"engine_task_ns\": %.1f, ", taskNs)));
    for (int n : new int[] {100, 1_000, 10_000}) {
      each.accept(build(n, seconds));
    }
    if (!skip100k) {
      System.gc();
      resetPeaks();
      long t0 = System.nanoTime();
      Scenario sc = SyntheticGraphs.layered(100_000, 16, 8, Mode.DEBUG, 42);
      BuildResult r = BuildSimulator.simulate(sc);
      double secs = (System.nanoTime() - t0) / 1e9;
      double mb = peakHeapBytes() / (1024.0 * 1024.0);
      each.accept(
          new Figure(
              String.format(
                  Locale.ROOT,
                  "100,000 units: %.2f s (graph + simulation), peak heap "
                      + "%.0f MiB, max heap %d MiB, wall time %.1f s simulated%n",
                  secs,
                  mb,
                  Runtime.getRuntime().maxMemory() >> 20,
                  r.wallNanos() / 1e9),
              String.format(Locale.ROOT, "\"heap_100k_mb\": %.0f, ", mb)));
    }
  }

  /** The figures as one JSON object. */
  public static String json(List<Figure> figures) {
    StringBuilder js = new StringBuilder("{");
    figures.forEach(f -> js.append(f.json()));
    js.setLength(js.length() - 2);
    return js.append("}").toString();
  }

  /** One simulated build of a layered graph of {@code n} units, timed after a warm-up. */
  private static Figure build(int n, double seconds) {
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
    String key = n >= 1_000 ? (n / 1_000) + "k" : String.valueOf(n);
    return new Figure(
        String.format(
            Locale.ROOT,
            "%,7d units: %8.3f ms per build (median of %d), %,d events, " + "%,.0f events/s%n",
            g.size(),
            ms,
            runs,
            events,
            eps),
        String.format(
            Locale.ROOT,
            "\"build_%s_ms\": %.3f, \"build_%s_events_per_s\": " + "%.0f, ",
            key,
            ms,
            key,
            eps));
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
