package org.cratesim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.cratesim.calibration.ExperimentValidation;
import org.cratesim.calibration.Prediction;
import org.cratesim.calibration.Validation;
import org.cratesim.cargo.BuildResult;
import org.cratesim.model.Scenario;

/** Results for programs: JSON, seconds as decimals, the same input always the same bytes. */
public final class JsonReporter implements Reporter {
  @Override
  public String build(String scenarioName, BuildResult r) {
    return JsonReport.render(scenarioName, r);
  }

  @Override
  public String comparison(Comparison c) {
    Scenario sc = c.scenario();
    BuildResult b = c.baseline();
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("scenario", sc.name());
    root.put("build_kind", sc.rebuild().kind().id());
    root.put("mode", sc.build().mode().id());
    root.put("jobs", sc.build().jobs());
    var rows = root.putArray("rows");
    ObjectNode base = rows.addObject();
    base.put("strategy", "baseline");
    base.put("wall_s", b.wallNanos() / 1e9);
    base.put("delta_s", 0.0);
    base.put("change_pct", 0.0);
    Comparison.criticalUnits(b).forEach(base.putArray("critical_path")::add);
    for (Comparison.Variant v : c.variants()) {
      BuildResult r = v.result();
      ObjectNode o = rows.addObject();
      o.put("strategy", v.strategy());
      o.put("wall_s", r.wallNanos() / 1e9);
      o.put("delta_s", v.deltaS(b));
      o.put("change_pct", v.changePct(b));
      if (v.whyNot().isPresent()) {
        o.put("applies", false);
        o.put("why_not", v.whyNot().get());
      }
      Comparison.criticalUnits(r).forEach(o.putArray("critical_path")::add);
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root)
          + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String prediction(Prediction p) {
    return String.format(
        Locale.ROOT,
        "{\"wall_time_s\": %s, \"measured_wall_time_s\": %s, "
            + "\"measured_jobs\": %d, \"jobs\": %d, \"mode\": \"%s\", "
            + "\"replayed_wall_time_s\": %s, \"dependency_bound_s\": %s}%n",
        Seconds.decimal(p.predicted().wallNanos()),
        Seconds.decimal(Math.round(p.measuredSeconds() * 1e9)),
        p.measuredJobs(),
        p.jobs(),
        p.mode().id(),
        Seconds.decimal(p.replayed().wallNanos()),
        Seconds.decimal(p.predicted().dependencyBoundNanos()));
  }

  @Override
  public String validation(List<Validation.Row> rows, double minSeconds) {
    return ValidationReport.json(Validation.summarize(rows, minSeconds), minSeconds);
  }

  @Override
  public String experiments(ExperimentValidation.Report r) {
    return ExperimentReport.json(r);
  }
}
