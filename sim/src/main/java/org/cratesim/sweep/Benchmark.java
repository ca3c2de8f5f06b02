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

  /** Repetitions of each timed figure unless told otherwise. */
  public static final int DEFAULT_REPETITIONS = 5;

  /**
   * Above this max / min of the repetitions the machine was probably busy (hyperfine warns on
   * outliers the same way: a quiet machine repeats a measurement within a few per cent).
   */
  public static final double BUSY_MAX_OVER_MIN = 1.5;

  /** Above this relative standard deviation of the repetitions the machine was probably busy. */
  public static final double BUSY_RELATIVE_SD = 0.10;

  /**
   * The spread of one figure over its repetitions.
   *
   * @param min the smallest repetition
   * @param median the median repetition
   * @param max the largest repetition
   * @param relativeSd the sample standard deviation over the mean (0 for one repetition)
   * @param n repetitions
   */
  public record Spread(double min, double median, double max, double relativeSd, int n) {
    /** The spread of {@code xs} (at least one value). */
    public static Spread of(double[] xs) {
      double[] t = xs.clone();
      Arrays.sort(t);
      int n = t.length;
      double median = n % 2 == 1 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
      double mean = Arrays.stream(t).average().orElse(0);
      double ss = 0;
      for (double x : t) {
        ss += (x - mean) * (x - mean);
      }
      double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
      return new Spread(t[0], median, t[n - 1], mean > 0 ? sd / mean : 0, n);
    }

    /** Whether the repetitions disagree more than a quiet machine's would. */
    public boolean busy() {
      return (min > 0 && max / min > BUSY_MAX_OVER_MIN) || relativeSd > BUSY_RELATIVE_SD;
    }

    /** The warning line for people, or "" when the repetitions agree. */
    public String warning(String what) {
      return busy()
          ? String.format(
              Locale.ROOT,
              "  warning: %s varied over %d repetitions (max / min %.2f, relative sd %.0f %%):"
                  + " the machine was probably busy; close other programs and run again%n",
              what,
              n,
              min > 0 ? max / min : Double.POSITIVE_INFINITY,
              100 * relativeSd)
          : "";
    }
  }

  /**
   * Measures, handing each figure to {@code each} as soon as it is known.
   *
   * @param seconds measurement time per graph size (half as much again for the JIT warm-up)
   * @param skip100k skip the 100,000-unit heap measurement
   */
  public static void run(double seconds, boolean skip100k, Consumer<Figure> each) {
    run(seconds, skip100k, DEFAULT_REPETITIONS, each);
  }

  /**
   * Measures with {@code repetitions} repetitions of each timed build figure: the measurement time
   * is cut into that many windows, each giving its median per-build time; the figure is the median
   * of the windows, with their min and max, and a warning when they disagree ({@link Spread#busy}).
   */
  public static void run(double seconds, boolean skip100k, int repetitions, Consumer<Figure> each) {
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
      each.accept(build(n, seconds, repetitions));
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

  /**
   * The figures as one JSON object: {@code format}, {@code version}, {@code repetitions}, then each
   * figure's keys.
   */
  public static String json(List<Figure> figures, int repetitions) {
    StringBuilder js = new StringBuilder("{\"format\": \"cratesim-bench\", \"version\": 1, ");
    js.append("\"repetitions\": ").append(repetitions).append(", ");
    figures.forEach(f -> js.append(f.json()));
    js.setLength(js.length() - 2);
    return js.append("}").toString();
  }

  /** One simulated build of a layered graph of {@code n} units, timed after a warm-up. */
  private static Figure build(int n, double seconds, int repetitions) {
    Scenario sc = SyntheticGraphs.layered(n, 16, 8, Mode.DEBUG, 42);
    UnitGraph g = UnitGraphBuilder.build(sc);
    long deadline = System.nanoTime() + (long) (seconds * 0.5e9);
    while (System.nanoTime() < deadline) {
      BuildSimulator.simulate(sc, g); // warm-up
    }
    double[] windows = new double[repetitions];
    int runs = 0;
    long events = 0;
    for (int w = 0; w < repetitions; w++) {
      long[] times = new long[4096];
      int k = 0;
      deadline = System.nanoTime() + (long) (seconds * 1e9 / repetitions);
      while ((k < 3 || System.nanoTime() < deadline) && k < times.length) {
        long t0 = System.nanoTime();
        BuildResult r = BuildSimulator.simulate(sc, g);
        times[k++] = System.nanoTime() - t0;
        events = r.events();
      }
      long[] t = Arrays.copyOf(times, k);
      Arrays.sort(t);
      windows[w] = t[k / 2] / 1e6;
      runs += k;
    }
    Spread sp = Spread.of(windows);
    double ms = sp.median();
    double eps = events / (ms / 1e3);
    String key = n >= 1_000 ? (n / 1_000) + "k" : String.valueOf(n);
    return new Figure(
        String.format(
                Locale.ROOT,
                "%,7d units: %8.3f ms per build (median of %d repetitions, min %.3f, max %.3f;"
                    + " %d builds), %,d events, %,.0f events/s%n",
                g.size(),
                ms,
                sp.n(),
                sp.min(),
                sp.max(),
                runs,
                events,
                eps)
            + sp.warning(String.format(Locale.ROOT, "the %,d-unit build", g.size())),
        String.format(
            Locale.ROOT,
            "\"build_%s_ms\": %.3f, \"build_%s_min_ms\": %.3f, \"build_%s_max_ms\": %.3f, "
                + "\"build_%s_relative_sd\": %.3f, \"build_%s_busy\": %s, "
                + "\"build_%s_events_per_s\": %.0f, ",
            key,
            ms,
            key,
            sp.min(),
            key,
            sp.max(),
            key,
            sp.relativeSd(),
            key,
            sp.busy(),
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
