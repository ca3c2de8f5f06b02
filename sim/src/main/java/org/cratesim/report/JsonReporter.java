package org.cratesim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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
    root.put("format", "cratesim-compare");
    root.put("version", 1);
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

  /** {@code {format: cratesim-predict, version, wall_time_s, ..., jobs, ...}}. */
  @Override
  public String prediction(Prediction p) {
    return Json.pretty(
        g -> {
          g.writeStartObject();
          g.writeStringField("format", "cratesim-predict");
          g.writeNumberField("version", 1);
          predictionFields(g, p);
          g.writeEndObject();
        });
  }

  /**
   * Several -j: {@code {format: cratesim-predict-jobs, version, page, mode, measured_jobs,
   * measured_wall_time_s, replayed_wall_time_s, predictions: [{jobs, wall_time_s,
   * dependency_bound_s}]}}; one -j is {@link #prediction}.
   */
  @Override
  public String predictions(List<Prediction> ps) {
    if (ps.size() == 1) {
      return prediction(ps.get(0));
    }
    Prediction p = ps.get(0);
    return Json.pretty(
        g -> {
          g.writeStartObject();
          g.writeStringField("format", "cratesim-predict-jobs");
          g.writeNumberField("version", 1);
          g.writeStringField("page", p.page());
          g.writeStringField("mode", p.mode().id());
          g.writeNumberField("measured_jobs", p.measuredJobs());
          g.writeNumberField(
              "measured_wall_time_s", Seconds.decimal(Math.round(p.measuredSeconds() * 1e9)));
          g.writeNumberField("replayed_wall_time_s", Seconds.decimal(p.replayed().wallNanos()));
          g.writeArrayFieldStart("predictions");
          for (Prediction q : ps) {
            g.writeStartObject();
            g.writeNumberField("jobs", q.jobs());
            g.writeNumberField("wall_time_s", Seconds.decimal(q.predicted().wallNanos()));
            g.writeNumberField(
                "dependency_bound_s", Seconds.decimal(q.predicted().dependencyBoundNanos()));
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static void predictionFields(JsonGenerator g, Prediction p) throws IOException {
    g.writeNumberField("wall_time_s", Seconds.decimal(p.predicted().wallNanos()));
    g.writeNumberField(
        "measured_wall_time_s", Seconds.decimal(Math.round(p.measuredSeconds() * 1e9)));
    g.writeNumberField("measured_jobs", p.measuredJobs());
    g.writeNumberField("jobs", p.jobs());
    g.writeStringField("mode", p.mode().id());
    g.writeNumberField("replayed_wall_time_s", Seconds.decimal(p.replayed().wallNanos()));
    g.writeNumberField("dependency_bound_s", Seconds.decimal(p.predicted().dependencyBoundNanos()));
  }

  @Override
  public String validation(List<Validation.Row> rows, double minSeconds) {
    return ValidationReport.json(Validation.summarize(rows, minSeconds), rows, minSeconds);
  }

  @Override
  public String experiments(ExperimentValidation.Report r) {
    return ExperimentReport.json(r);
  }
}
