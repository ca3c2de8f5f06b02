package org.cratesim.report;

import java.util.List;
import java.util.Locale;
import org.cratesim.calibration.ExperimentValidation;
import org.cratesim.calibration.Validation;
import org.cratesim.cargo.BuildResult;

/** Results as tables: one CSV row per unit of a build, or per strategy of a comparison. */
public final class CsvReporter implements Reporter {
  @Override
  public String build(String scenarioName, BuildResult r) {
    return CsvReport.render(r);
  }

  @Override
  public String comparison(Comparison c) {
    BuildResult b = c.baseline();
    StringBuilder out = new StringBuilder();
    out.append("strategy,wall_s,delta_s,change_pct,critical_path,why_not")
        .append(System.lineSeparator());
    out.append(String.format(Locale.ROOT, "baseline,%.6f,0,0,%s,%n", b.wallNanos() / 1e9, path(b)));
    for (Comparison.Variant v : c.variants()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s,%.6f,%.6f,%.3f,%s,%s%n",
              Csv.field(v.strategy()),
              v.result().wallNanos() / 1e9,
              v.deltaS(b),
              v.changePct(b),
              path(v.result()),
              Csv.field(v.whyNot().orElse(""))));
    }
    return out.toString();
  }

  /** Every pair, one row each ({@link ValidationReport#rows}). */
  @Override
  public String validation(List<Validation.Row> rows, double minSeconds) {
    return ValidationReport.rows(rows);
  }

  /** One row per crate ({@link ExperimentReport#rows}). */
  @Override
  public String experiments(ExperimentValidation.Report r) {
    return ExperimentReport.rows(r);
  }

  private static String path(BuildResult r) {
    return Csv.field(String.join(" -> ", Comparison.criticalUnits(r)));
  }
}
