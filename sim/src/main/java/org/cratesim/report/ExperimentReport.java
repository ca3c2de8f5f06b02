package org.cratesim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cratesim.calibration.ExperimentValidation;
import org.cratesim.calibration.ExperimentValidation.CurvePoint;
import org.cratesim.calibration.ExperimentValidation.FitPoint;
import org.cratesim.calibration.ExperimentValidation.Group;
import org.cratesim.calibration.ExperimentValidation.Report;
import org.cratesim.calibration.ExperimentValidation.Row;

/** {@code cratesim validate-experiments}: per (experiment, mode, -j) and the core-count curve. */
public final class ExperimentReport {
  private ExperimentReport() {}

  /** The tables for people. */
  public static String text(Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Measured changes (lqd-experiments) predicted from each crate's -j1 page\n");
    sb.append("effects are custom / base - 1; diff = |predicted - measured| in points\n\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "%-20s %-6s %3s %5s %9s %9s %8s %8s %5s %7s%n",
            "experiment",
            "mode",
            "-j",
            "n",
            "measured",
            "predicted",
            "diff p50",
            "diff p90",
            "sig",
            "sign ok"));
    for (Group g : r.experiments()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-20s %-6s %3d %5d %+8.2f%% %+8.2f%% %8.2f %8.2f %5d %7s%n",
              g.experiment(),
              g.mode(),
              g.jobs(),
              g.n(),
              100 * g.measuredMean(),
              100 * g.predictedMean(),
              g.medianAbsDiffPp(),
              g.p90AbsDiffPp(),
              g.significant(),
              Double.isNaN(g.signRightShare())
                  ? "-"
                  : String.format(Locale.ROOT, "%.0f%%", 100 * g.signRightShare())));
    }
    sb.append(
        "\nCore-count curve (build-defaults baselines): T(-jN) / T(-j8), predicted vs"
            + " measured\n\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "%-6s %3s %5s %13s %11s %11s%n",
            "mode",
            "-j",
            "n",
            "median signed",
            "median abs",
            "p90 abs"));
    for (CurvePoint c : r.curve()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-6s %3d %5d %+12.1f%% %10.1f%% %10.1f%%%n",
              c.mode(),
              c.jobs(),
              c.n(),
              100 * c.medianSignedError(),
              100 * c.medianAbsError(),
              100 * c.p90AbsError()));
    }
    return sb.toString();
  }

  /** The document for programs (effects and errors as fractions, differences in points). */
  public static String json(Report r) {
    StringBuilder sb =
        new StringBuilder(
            "{\"format\": \"cratesim-validate-experiments\", \"version\": 1, \"experiments\": [");
    List<Group> gs = r.experiments();
    for (int i = 0; i < gs.size(); i++) {
      Group g = gs.get(i);
      sb.append(i == 0 ? "\n  " : ",\n  ")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"experiment\": \"%s\", \"mode\": \"%s\", \"jobs\": %d, \"n\": %d, "
                      + "\"measured_mean\": %s, \"predicted_mean\": %s, \"median_abs_diff_pp\": %s, "
                      + "\"p90_abs_diff_pp\": %s, \"significant\": %d, \"sign_right_share\": %s}",
                  g.experiment(),
                  g.mode(),
                  g.jobs(),
                  g.n(),
                  num(g.measuredMean()),
                  num(g.predictedMean()),
                  num(g.medianAbsDiffPp()),
                  num(g.p90AbsDiffPp()),
                  g.significant(),
                  num(g.signRightShare())));
    }
    sb.append("\n], \"curve\": [");
    List<CurvePoint> cs = r.curve();
    for (int i = 0; i < cs.size(); i++) {
      CurvePoint c = cs.get(i);
      sb.append(i == 0 ? "\n  " : ",\n  ")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"mode\": \"%s\", \"jobs\": %d, \"ref_jobs\": %d, \"n\": %d, "
                      + "\"median_signed_error\": %s, \"median_abs_error\": %s, \"p90_abs_error\": %s}",
                  c.mode(),
                  c.jobs(),
                  c.refJobs(),
                  c.n(),
                  num(c.medianSignedError()),
                  num(c.medianAbsError()),
                  num(c.p90AbsError())));
    }
    return sb.append("\n]}\n").toString();
  }

  /** The host-debuginfo fit: the best factor, then every candidate. */
  public static String fit(List<FitPoint> points) {
    StringBuilder sb = new StringBuilder();
    FitPoint best = points.get(0);
    sb.append(
        String.format(
            Locale.ROOT,
            "%s = %.3f (build-defaults, check -j1, %d crates)%n%n",
            ExperimentValidation.DEBUGINFO_KEY,
            best.factor(),
            best.group().n()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%7s %9s %9s %8s %8s %9s%n",
            "factor",
            "measured",
            "predicted",
            "diff p50",
            "diff p90",
            "objective"));
    List<FitPoint> sorted = new ArrayList<>(points);
    sorted.sort((a, b) -> Double.compare(a.factor(), b.factor()));
    for (FitPoint p : sorted) {
      Group g = p.group();
      sb.append(
          String.format(
              Locale.ROOT,
              "%7.3f %+8.2f%% %+8.2f%% %8.2f %8.2f %9.3f%s%n",
              p.factor(),
              100 * g.measuredMean(),
              100 * g.predictedMean(),
              g.medianAbsDiffPp(),
              g.p90AbsDiffPp(),
              p.objective(),
              p == best ? "  <- best" : ""));
    }
    return sb.toString();
  }

  /** One CSV row per crate and experiment. */
  public static String rows(Report r) {
    StringBuilder sb =
        new StringBuilder("experiment,mode,jobs,crate,measured,predicted,significant\n");
    for (Row x : r.rows()) {
      sb.append(Csv.field(x.experiment()))
          .append(',')
          .append(Csv.field(x.mode()))
          .append(',')
          .append(x.jobs())
          .append(',')
          .append(Csv.field(x.crate()))
          .append(',')
          .append(num(x.measured()))
          .append(',')
          .append(num(x.predicted()))
          .append(',')
          .append(x.significant())
          .append('\n');
    }
    return sb.toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.6f", v);
  }
}
