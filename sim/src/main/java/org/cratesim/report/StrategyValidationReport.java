package org.cratesim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.cratesim.calibration.StrategyValidation;

/** {@code cratesim validate-strategies}: the table for people, rows for programs. */
public final class StrategyValidationReport {

  private StrategyValidationReport() {}

  public static String text(List<StrategyValidation.Row> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("Measured what-ifs predicted from the baseline's page (cargo metadata given)\n");
    sb.append("changes are changed / baseline - 1; diff = |predicted - measured| in points;\n");
    sb.append("baseline: the build without the change, measured median / simulated\n\n");
    int ws = "workspace".length();
    int st = "change".length();
    int kd = "kind".length();
    for (StrategyValidation.Row r : rows) {
      ws = Math.max(ws, r.whatIf().workspace().length());
      st = Math.max(st, r.change().length());
      kd = Math.max(kd, kind(r.whatIf()).length());
    }
    String f = "%-" + ws + "s  %-" + st + "s  %-" + kd + "s %-6s %3s %3s  %9s  %-19s %9s %6s  %s%n";
    sb.append(
        String.format(
            Locale.ROOT,
            f,
            "workspace",
            "change",
            "kind",
            "mode",
            "-j",
            "n",
            "measured",
            "(paired runs)",
            "predicted",
            "diff",
            "baseline meas/pred"));
    for (StrategyValidation.Row r : rows) {
      var w = r.whatIf();
      sb.append(
          String.format(
              Locale.ROOT,
              f,
              w.workspace(),
              r.change(),
              kind(w),
              r.mode(),
              r.jobs(),
              r.n(),
              pct(r.measuredChange()),
              "(" + pct(r.measuredLow()) + ".." + pct(r.measuredHigh()) + ")",
              pct(r.predictedChange()),
              String.format(Locale.ROOT, "%.1f", r.diffPoints()),
              seconds(r.measuredBaselineS()) + " / " + seconds(r.predictedBaselineS())));
    }
    double[] d = rows.stream().mapToDouble(StrategyValidation.Row::diffPoints).toArray();
    long within = rows.stream().filter(r -> r.diffPoints() <= 5).count();
    sb.append(
        String.format(
            Locale.ROOT,
            "%n  %d what-ifs: median diff %.1f points, max %.1f; within 5 points: %d of %d%n",
            rows.size(),
            new Percentile().evaluate(d, 50),
            Arrays.stream(d).max().orElse(0),
            within,
            rows.size()));
    return sb.toString();
  }

  /** clean, or incremental after the edit's kind (incremental (body)). */
  private static String kind(StrategyValidation.WhatIf w) {
    return w.edit()
        .map(
            e ->
                w.buildKind()
                    + " ("
                    + (e.contains(":") ? e.substring(e.indexOf(':') + 1) : "comment")
                    + ")")
        .orElse(w.buildKind());
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, s < 10 ? "%.3fs" : "%.2fs", s);
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%+.1f%%", 100 * v);
  }

  public static String json(List<StrategyValidation.Row> rows) {
    return Json.pretty(
        g -> {
          g.writeStartObject();
          g.writeStringField("format", "cratesim-validate-strategies");
          g.writeNumberField("version", 1);
          g.writeArrayFieldStart("rows");
          for (StrategyValidation.Row r : rows) {
            var w = r.whatIf();
            g.writeStartObject();
            g.writeStringField("workspace", w.workspace());
            g.writeStringField("strategy", r.change());
            g.writeStringField("kind", w.buildKind());
            g.writeStringField("edit", w.edit().orElse(""));
            g.writeStringField("mode", r.mode());
            g.writeNumberField("jobs", r.jobs());
            g.writeNumberField("predicted_change", frac(r.predictedChange()));
            g.writeNumberField("measured_change", frac(r.measuredChange()));
            g.writeNumberField("measured_low", frac(r.measuredLow()));
            g.writeNumberField("measured_high", frac(r.measuredHigh()));
            g.writeNumberField("n", r.n());
            g.writeNumberField("measured_baseline_s", frac(r.measuredBaselineS()));
            g.writeNumberField("predicted_baseline_s", frac(r.predictedBaselineS()));
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static BigDecimal frac(double v) {
    BigDecimal d = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN);
    return d.signum() == 0 ? BigDecimal.ZERO.setScale(4) : d;
  }
}
