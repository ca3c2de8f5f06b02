package org.cratesim.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.importer.Calibrations;
import org.cratesim.importer.TimingsImporter;
import org.cratesim.model.CostRates;
import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;
import org.cratesim.model.TargetKind;
import org.cratesim.scenario.ScenarioOverrides;
import org.cratesim.timings.PageUnit;
import org.cratesim.timings.TimingsFormatException;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import org.cratesim.timings.UnitGraphFile;

/**
 * Fits the LTO rates (how much of a dependency's LLVM work is left when it stops at bitcode, the
 * cross-crate ThinLTO and fat-LTO work at the final link as factors of the LLVM work of every crate
 * linked, the LLVM work thin-local LTO adds) on the only LTO ground truth there is: release builds
 * of own-2core-2026's cli workspace at -j2 with cargo's default (thin-local), lto = "off", "thin",
 * "fat", codegen-units = 1, and fat with codegen-units = 1. The default build's page is imported
 * with the workspace's {@code --unit-graph}; each variant is predicted with the profile knob set
 * and compared with its measured wall time. Coordinate descent on mean |log(predicted / measured)|.
 */
public final class LtoCalibration {
  private LtoCalibration() {}

  /**
   * One variant: the knob settings, the measured wall time, the final bin's duration and the summed
   * duration of every other unit (what LTO moves between them).
   */
  public record Variant(
      String name, Map<String, String> set, double measuredS, double binS, double othersS) {
    static Variant of(String name, Map<String, String> set, TimingsPage page) {
      double bin = 0;
      double others = 0;
      for (var u : page.units()) {
        if (u.kind() == PageUnit.Kind.BIN) {
          bin += u.duration();
        } else {
          others += u.duration();
        }
      }
      return new Variant(name, set, page.totalSeconds(), bin, others);
    }
  }

  /** The fit: rates and per-variant predictions. */
  public record Result(CostRates rates, List<String> rows, double meanAbsLogError) {}

  private static final String[] KEYS = {
    "bitcode_only_factor", "lto_thin_factor", "lto_fat_factor", "thin_local_lto_share"
  };

  /** Runs the fit from the shared folder; {@code start} supplies every other rate. */
  public static Result fit(Path shared, CostRates start)
      throws IOException, TimingsFormatException {
    Path dir = shared.resolve("groundtruth/own-2core-2026/cli/timings");
    TimingsPage base = TimingsReader.read(dir.resolve("clean-release-j2-r1.json"));
    List<Variant> variants = new ArrayList<>();
    variants.add(Variant.of("default (thin-local)", Map.of(), base));
    String[][] v = {
      {"release-lto-off-j2-r1.json", "lto=off", "profile.lto", "off"},
      {"release-lto-thin-j2-r1.json", "lto=thin", "profile.lto", "thin"},
      {"release-lto-fat-j2-r1.json", "lto=fat", "profile.lto", "fat"},
      {"release-cgu1-j2-r1.json", "codegen-units=1", "profile.codegen_units", "1"},
    };
    for (String[] x : v) {
      variants.add(Variant.of(x[1], Map.of(x[2], x[3]), TimingsReader.read(dir.resolve(x[0]))));
    }
    Map<String, String> fatCgu1 = new LinkedHashMap<>();
    fatCgu1.put("profile.lto", "fat");
    fatCgu1.put("profile.codegen_units", "1");
    variants.add(
        Variant.of(
            "lto=fat, codegen-units=1",
            fatCgu1,
            TimingsReader.read(dir.resolve("release-lto-fat-cgu1-j2-r1.json"))));
    // the full dependency graph: what the final link reads is every crate it depends on
    UnitGraphFile graph = UnitGraphFile.read(dir.getParent().resolve("unit-graph-release.json"));
    Scenario sc =
        TimingsImporter.toScenario(
            base,
            Calibrations.shipped().get(Calibrations.TWO_CORE, Mode.RELEASE),
            Optional.of(graph));

    CostRates best = start;
    double bestErr = error(sc, best, variants);
    double[] step = {0.1, 0.2, 0.4, 0.05};
    double[] max = {1.0, 10.0, 10.0, 0.9};
    for (int round = 0; round < 200; round++) {
      boolean improved = false;
      for (int k = 0; k < KEYS.length; k++) {
        for (double sign : new double[] {1, -1}) {
          double x = Math.max(0, Math.min(max[k], best.get(KEYS[k]) + sign * step[k]));
          CostRates trial = best.with(KEYS[k], Math.round(x * 1e6) / 1e6);
          double e = error(sc, trial, variants);
          if (e < bestErr - 1e-9) {
            best = trial;
            bestErr = e;
            improved = true;
          }
        }
      }
      if (!improved) {
        for (int k = 0; k < step.length; k++) {
          step[k] /= 2;
        }
        if (step[0] < 0.005) {
          break;
        }
      }
    }
    List<String> rows = new ArrayList<>();
    for (Variant x : variants) {
      double[] p = predict(sc, best, x);
      rows.add(
          String.format(
              Locale.ROOT,
              "%-26s wall %6.2f -> %6.2f s (%+6.1f %%), bin %5.2f -> "
                  + "%5.2f s, other units %6.2f -> %6.2f s",
              x.name(),
              x.measuredS(),
              p[0],
              100 * (p[0] / x.measuredS() - 1),
              x.binS(),
              p[1],
              x.othersS(),
              p[2]));
    }
    return new Result(best, rows, bestErr);
  }

  /** Mean |log(predicted / measured)| over wall time, bin duration and other units' time. */
  private static double error(Scenario sc, CostRates rates, List<Variant> variants) {
    double sum = 0;
    for (Variant x : variants) {
      double[] p = predict(sc, rates, x);
      sum +=
          Math.abs(Math.log(p[0] / x.measuredS()))
              + Math.abs(Math.log(p[1] / x.binS()))
              + Math.abs(Math.log(p[2] / x.othersS()));
    }
    return sum / (3.0 * variants.size());
  }

  /** Predicted wall time, bin duration and summed other units' duration, in seconds. */
  static double[] predict(Scenario sc, CostRates rates, Variant x) {
    Scenario s = ScenarioOverrides.apply(sc.withCosts(rates), x.set());
    var r = BuildSimulator.simulate(s);
    double bin = 0;
    double others = 0;
    for (var u : r.units()) {
      if (u.unit().kind() == TargetKind.BIN) {
        bin += u.durationNanos() / 1e9;
      } else {
        others += u.durationNanos() / 1e9;
      }
    }
    return new double[] {r.wallNanos() / 1e9, bin, others};
  }

  /**
   * The second step of {@code calibrate-costs}: the LTO rates fitted on top of a base calibration,
   * with the fit's rows added to its notes. Without the cli pages, the base.
   */
  public static CostCalibration.Result withLto(Path shared, CostCalibration.Result base)
      throws IOException, TimingsFormatException {
    if (!available(shared)) {
      return base;
    }
    Result lto = fit(shared, base.rates());
    List<String> notes = new ArrayList<>(base.notes());
    notes.add(
        "LTO rates (bitcode_only_factor, lto_thin_factor, lto_fat_factor, "
            + "thin_local_lto_share) fitted on own-2core-2026 cli release -j2 variants imported "
            + "with the workspace's --unit-graph (wall time, the bin's duration and the other units' "
            + "summed duration; mean |log error| "
            + String.format(Locale.ROOT, "%.3f", lto.meanAbsLogError())
            + "):");
    for (String row : lto.rows()) {
      notes.add("  " + row);
    }
    return new CostCalibration.Result(lto.rates(), base.rows(), notes);
  }

  /** True when the shared folder has the cli LTO pages. */
  public static boolean available(Path shared) {
    return Files.isRegularFile(
        shared.resolve("groundtruth/own-2core-2026/cli/timings/release-lto-fat-j2-r1.json"));
  }
}
