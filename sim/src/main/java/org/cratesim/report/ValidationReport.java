package org.cratesim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.cratesim.calibration.Validation;

/** Text, JSON and CSV renderings of a validation ({@code cratesim validate}). */
public final class ValidationReport {
  private ValidationReport() {}

  /** The pairs measured at least {@code minSeconds}, then the summary. */
  public static String text(Validation.Summary s, List<Validation.Row> rows, double minSeconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-58s %5s %9s %9s %9s %8s%n",
            "pair",
            "-j",
            "from_s",
            "measured",
            "predicted",
            "error"));
    for (Validation.Row r : rows) {
      if (r.measuredS() < minSeconds) {
        continue;
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "%-58s %5s %9.2f %9.2f %9.2f %+7.1f%%%n",
              shorten(r.key(), 58),
              r.fromJobs() + ">" + r.toJobs(),
              r.fromWallS(),
              r.measuredS(),
              r.predictedS(),
              100 * r.error()));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%nSummary (%d pairs with measured >= %.1f s; %d pairs in all):%n",
            s.pairs(),
            minSeconds,
            rows.size()));
    sb.append(
        String.format(Locale.ROOT, "  median |error|      %6.1f %%%n", 100 * s.medianAbsError()));
    sb.append(
        String.format(Locale.ROOT, "  p90 |error|         %6.1f %%%n", 100 * s.p90AbsError()));
    sb.append(
        String.format(Locale.ROOT, "  within 10 %%         %6.1f %%%n", 100 * s.within10pct()));
    sb.append(
        String.format(
            Locale.ROOT, "  median signed error %+6.1f %%%n", 100 * s.medianSignedError()));
    return sb.toString();
  }

  /**
   * The summary (over pairs measured at least {@code minSeconds}) and every pair: {@code {format:
   * cratesim-validate, version, pairs, min_seconds, median_abs_error, p90_abs_error, within_10pct,
   * median_signed_error, mean_abs_error, rows: [{pair, mode, from_jobs, to_jobs, from_wall_s,
   * measured_wall_s, predicted_wall_s, error, summarised}]}}; errors are fractions.
   */
  public static String json(Validation.Summary s, List<Validation.Row> rows, double minSeconds) {
    return Json.pretty(
        g -> {
          g.writeStartObject();
          g.writeStringField("format", "cratesim-validate");
          g.writeNumberField("version", 1);
          g.writeNumberField("pairs", s.pairs());
          g.writeNumberField("min_seconds", minSeconds);
          g.writeNumberField("median_abs_error", round4(s.medianAbsError()));
          g.writeNumberField("p90_abs_error", round4(s.p90AbsError()));
          g.writeNumberField("within_10pct", round4(s.within10pct()));
          g.writeNumberField("median_signed_error", round4(s.medianSignedError()));
          g.writeNumberField("mean_abs_error", round4(s.meanAbsError()));
          g.writeArrayFieldStart("rows");
          for (Validation.Row r : rows) {
            g.writeStartObject();
            g.writeStringField("pair", r.key());
            g.writeStringField("mode", r.mode());
            g.writeNumberField("from_jobs", r.fromJobs());
            g.writeNumberField("to_jobs", r.toJobs());
            g.writeNumberField("from_wall_s", BigDecimal.valueOf(r.fromWallS()));
            g.writeNumberField("measured_wall_s", BigDecimal.valueOf(r.measuredS()));
            g.writeNumberField(
                "predicted_wall_s",
                BigDecimal.valueOf(r.predictedS()).setScale(3, RoundingMode.HALF_EVEN));
            g.writeNumberField("error", round4(r.error()));
            g.writeBooleanField("summarised", r.measuredS() >= minSeconds);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static BigDecimal round4(double v) {
    return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN);
  }

  /**
   * Every pair as a CSV row ({@code --format csv}, and {@code --rows FILE}): pair, mode, from_jobs,
   * to_jobs, from_wall_s, measured_wall_s, predicted_wall_s (to ms), error (predicted / measured -
   * 1, to 0.0001); numbers in plain decimal.
   */
  public static String rows(List<Validation.Row> rows) {
    StringBuilder out = new StringBuilder();
    Csv.row(
        out,
        List.of(
            "pair",
            "mode",
            "from_jobs",
            "to_jobs",
            "from_wall_s",
            "measured_wall_s",
            "predicted_wall_s",
            "error"));
    for (Validation.Row r : rows) {
      Csv.row(
          out,
          List.of(
              Csv.field(r.key()),
              Csv.field(r.mode()),
              String.valueOf(r.fromJobs()),
              String.valueOf(r.toJobs()),
              Csv.number(r.fromWallS()),
              Csv.number(r.measuredS()),
              Csv.number(Math.round(r.predictedS() * 1000) / 1000.0),
              Csv.number(Math.round(r.error() * 10000) / 10000.0)));
    }
    return out.toString();
  }

  private static String shorten(String s, int n) {
    return s.length() <= n ? s : "…" + s.substring(s.length() - n + 1);
  }
}
