package org.cratesim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cratesim.calibration.Validation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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

  /** The summary as one JSON object on one line. */
  public static String json(Validation.Summary s, double minSeconds) {
    return String.format(
        Locale.ROOT,
        "{\"pairs\": %d, \"min_seconds\": %s, \"median_abs_error\": %.4f, \"p90_abs_error\": "
            + "%.4f, \"within_10pct\": %.4f, \"median_signed_error\": %.4f, "
            + "\"mean_abs_error\": %.4f}%n",
        s.pairs(),
        minSeconds,
        s.medianAbsError(),
        s.p90AbsError(),
        s.within10pct(),
        s.medianSignedError(),
        s.meanAbsError());
  }

  /** Every pair as a CSV row ({@code --rows FILE}). */
  public static void writeRows(Path file, List<Validation.Row> rows) throws IOException {
    StringColumn key = StringColumn.create("pair");
    StringColumn mode = StringColumn.create("mode");
    IntColumn fromJobs = IntColumn.create("from_jobs");
    IntColumn toJobs = IntColumn.create("to_jobs");
    DoubleColumn fromWall = DoubleColumn.create("from_wall_s");
    DoubleColumn measured = DoubleColumn.create("measured_wall_s");
    DoubleColumn predicted = DoubleColumn.create("predicted_wall_s");
    DoubleColumn error = DoubleColumn.create("error");
    for (Validation.Row r : rows) {
      key.append(r.key());
      mode.append(r.mode());
      fromJobs.append(r.fromJobs());
      toJobs.append(r.toJobs());
      fromWall.append(r.fromWallS());
      measured.append(r.measuredS());
      predicted.append(Math.round(r.predictedS() * 1000) / 1000.0);
      error.append(Math.round(r.error() * 10000) / 10000.0);
    }
    Table.create("validation", key, mode, fromJobs, toJobs, fromWall, measured, predicted, error)
        .write()
        .csv(file.toFile());
  }

  private static String shorten(String s, int n) {
    return s.length() <= n ? s : "…" + s.substring(s.length() - n + 1);
  }
}
