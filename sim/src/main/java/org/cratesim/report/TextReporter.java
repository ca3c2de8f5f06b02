package org.cratesim.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cratesim.calibration.ExperimentValidation;
import org.cratesim.calibration.Prediction;
import org.cratesim.calibration.Validation;
import org.cratesim.cargo.BuildResult;
import org.cratesim.model.Scenario;

/** Results for people: aligned columns, seconds, the critical path explained. */
public final class TextReporter implements Reporter {
  @Override
  public String build(String scenarioName, BuildResult r) {
    return TextReport.render(scenarioName, r);
  }

  @Override
  public String comparison(Comparison c) {
    Scenario sc = c.scenario();
    BuildResult b = c.baseline();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%s: %s build, %s, -j%d%n",
            sc.name(),
            sc.rebuild().kind().id(),
            sc.build().mode().id(),
            sc.build().jobs()));
    int w =
        Math.max(24, c.variants().stream().mapToInt(v -> v.strategy().length()).max().orElse(0));
    String row = "  %-" + w + "s %9.3f ";
    out.append(
        String.format(
            Locale.ROOT,
            "  %-" + w + "s %9s %9s %8s%n",
            "strategy",
            "wall (s)",
            "delta (s)",
            "change"));
    out.append(
        String.format(
            Locale.ROOT,
            row + "%9s %8s%n",
            "baseline (no strategy)",
            b.wallNanos() / 1e9,
            "-",
            "-"));
    List<String> moves = new ArrayList<>();
    Set<String> before = Comparison.criticalUnits(b);
    for (Comparison.Variant v : c.variants()) {
      BuildResult r = v.result();
      if (v.whyNot().isPresent()) {
        out.append(
            String.format(
                Locale.ROOT,
                row + "%9s %8s  does not apply: %s%n",
                v.strategy(),
                r.wallNanos() / 1e9,
                "-",
                "-",
                v.whyNot().get()));
        continue;
      }
      out.append(
          String.format(
              Locale.ROOT,
              row + "%+9.3f %+7.1f%%%n",
              v.strategy(),
              r.wallNanos() / 1e9,
              v.deltaS(b),
              v.changePct(b)));
      Set<String> after = Comparison.criticalUnits(r);
      Set<String> left = new LinkedHashSet<>(before);
      left.removeAll(after);
      Set<String> joined = new LinkedHashSet<>(after);
      joined.removeAll(before);
      moves.add(
          String.format(
              Locale.ROOT,
              "  %s: critical path %s; left it: %s; joined it: %s",
              v.strategy(),
              String.join(" -> ", after),
              left.isEmpty() ? "-" : String.join(", ", left),
              joined.isEmpty() ? "-" : String.join(", ", joined)));
    }
    out.append(System.lineSeparator());
    out.append("What moved on the critical path:").append(System.lineSeparator());
    out.append(String.format(Locale.ROOT, "  baseline: %s%n", String.join(" -> ", before)));
    moves.forEach(m -> out.append(m).append(System.lineSeparator()));
    return out.toString();
  }

  @Override
  public String prediction(Prediction p) {
    return predictions(List.of(p));
  }

  /** The page, measured and replayed once, then one line per predicted -j. */
  @Override
  public String predictions(List<Prediction> ps) {
    Prediction p = ps.get(0);
    BuildResult first = p.predicted();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, "%s: %s, %d units%n", p.page(), p.mode().id(), first.units().size()));
    out.append(
        String.format(
            Locale.ROOT, "  measured at -j%-4d %9.2f s%n", p.measuredJobs(), p.measuredSeconds()));
    out.append(
        String.format(
            Locale.ROOT,
            "  replayed at -j%-4d %9.2f s  (the model on the page's own -j)%n",
            p.measuredJobs(),
            p.replayed().wallNanos() / 1e9));
    for (Prediction q : ps) {
      BuildResult at = q.predicted();
      out.append(
          String.format(
              Locale.ROOT,
              "  predicted at -j%-3d %9.2f s  (dependency bound %.2f s)%n",
              q.jobs(),
              at.wallNanos() / 1e9,
              at.dependencyBoundNanos() / 1e9));
    }
    return out.toString();
  }

  @Override
  public String validation(List<Validation.Row> rows, double minSeconds) {
    return ValidationReport.text(Validation.summarize(rows, minSeconds), rows, minSeconds);
  }

  @Override
  public String experiments(ExperimentValidation.Report r) {
    return ExperimentReport.text(r);
  }
}
