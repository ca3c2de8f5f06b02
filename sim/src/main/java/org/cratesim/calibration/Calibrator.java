package org.cratesim.calibration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.cratesim.importer.Calibration;
import org.cratesim.importer.EdgeKnowledge;
import org.cratesim.timings.TimingsFormatException;

/**
 * Fits calibration parameters to measured pairs by coordinate descent: each parameter in turn is
 * moved up and down by its step while the objective improves; when a full pass improves nothing,
 * steps are halved. Deterministic: same pairs, same start, same result.
 *
 * <p>The objective is mean |error| + p90 |error| / 2 (smoother than the median for the search; the
 * tail counts, at half weight).
 */
public final class Calibrator {
  private Calibrator() {}

  /** A parameter to fit: its key, bounds and first step. */
  public record Param(String key, double min, double max, double step) {}

  /** What the fit minimises. */
  public enum Objective {
    /** Per-unit: duration-weighted mean |log(simulated / measured)| of units at the new -j. */
    UNITS,
    /** Wall time: mean |error| + p90 |error| / 2 over builds. */
    WALL,
    /** The sum of both: mechanisms fitted where they act, without ignoring the wall time. */
    HYBRID
  }

  /** The result: the fitted calibration and its summary before and after. */
  public record Result(
      Calibration fitted, Validation.Summary before, Validation.Summary after, int evaluations) {}

  /** The parameters fitted by default, with physically sensible bounds. */
  public static List<Param> defaultParams() {
    return List.of(
        new Param("contention_frontend", 0, 0.5, 0.02),
        new Param("contention_codegen", 0, 0.5, 0.02),
        new Param("contention_other", 0, 0.5, 0.02),
        new Param("speed_frontend", 0.5, 2.0, 0.1),
        new Param("speed_codegen", 0.5, 2.0, 0.1),
        new Param("codegen_serial_share", 0, 1, 0.05),
        new Param("codegen_fixed_s", 0, 1, 0.05),
        new Param("cgu_work_s", 0, 2, 0.05),
        new Param("cgu_size_ratio", 0.5, 1, 0.05),
        new Param("thin_local_lto_share", 0, 0.9, 0.1),
        new Param("proc_macro_frontend_share", 0, 1, 0.1),
        new Param("root_proc_macro_frontend_share", 0, 1, 0.1),
        new Param("build_script_frontend_share", 0, 1, 0.1),
        new Param("build_script_run_parallel_share", 0, 1, 0.1));
  }

  public static double objective(Validation.Summary s) {
    return s.meanAbsError() + s.p90AbsError() / 2;
  }

  /** Fits {@code params} starting from {@code start}. */
  public static Result fit(
      List<Validation.Pair> pairs,
      List<Validation.Loaded> pages,
      EdgeKnowledge known,
      Calibration start,
      List<Param> params,
      double minSeconds,
      int threads,
      int maxRounds,
      Objective objective,
      Consumer<String> log)
      throws Exception {
    int[] evals = {0};
    Scorer score =
        c -> {
          evals[0]++;
          UnitErrors units = new UnitErrors();
          Validation.Summary s =
              Validation.summarize(
                  Validation.predict(pairs, pages, (p, m) -> c, known, threads, i -> {}, units),
                  minSeconds);
          switch (objective) {
            case UNITS:
              return units.score();
            case WALL:
              return objective(s);
            default:
              return units.score() + objective(s);
          }
        };
    Evaluator eval =
        c ->
            Validation.summarize(
                Validation.predict(pairs, pages, (p, m) -> c, known, threads, i -> {}), minSeconds);
    Validation.Summary before = eval.apply(start);
    Calibration best = start;
    double bestObj = score.apply(start);
    double[] step = new double[params.size()];
    for (int i = 0; i < step.length; i++) {
      step[i] = params.get(i).step();
    }
    log.accept(
        String.format(
            Locale.ROOT,
            "start: %s objective %.4f (median %.4f, p90 %.4f)",
            objective,
            bestObj,
            before.medianAbsError(),
            before.p90AbsError()));
    for (int round = 0; round < maxRounds; round++) {
      boolean improved = false;
      for (int i = 0; i < params.size(); i++) {
        Param p = params.get(i);
        for (double dir : new double[] {1, -1}) {
          while (true) {
            double v = clamp(best.get(p.key()) + dir * step[i], p);
            if (v == best.get(p.key())) {
              break;
            }
            Calibration trial = best.with(p.key(), round6(v));
            double obj = score.apply(trial);
            if (obj < bestObj - 1e-9) {
              best = trial;
              bestObj = obj;
              improved = true;
              log.accept(
                  String.format(
                      Locale.ROOT,
                      "  %s = %.4f -> objective %.4f",
                      p.key(),
                      trial.get(p.key()),
                      obj));
            } else {
              break;
            }
          }
        }
      }
      if (!improved) {
        boolean anyLeft = false;
        for (int i = 0; i < step.length; i++) {
          step[i] /= 2;
          anyLeft |= step[i] >= params.get(i).step() / 16;
        }
        if (!anyLeft) {
          break;
        }
      }
    }
    Validation.Summary after = eval.apply(best);
    return new Result(best, before, after, evals[0]);
  }

  private static double clamp(double v, Param p) {
    return Math.max(p.min(), Math.min(p.max(), v));
  }

  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  @FunctionalInterface
  private interface Scorer {
    double apply(Calibration c) throws IOException, TimingsFormatException;
  }

  @FunctionalInterface
  private interface Evaluator {
    Validation.Summary apply(Calibration c) throws IOException, TimingsFormatException;
  }

  /** Splits pairs into two folds by position (even / odd) for cross-validation. */
  public static <T> List<List<T>> folds(List<T> xs) {
    List<T> even = new ArrayList<>();
    List<T> odd = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      (i % 2 == 0 ? even : odd).add(xs.get(i));
    }
    return List.of(even, odd);
  }
}
