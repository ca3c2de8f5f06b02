package org.cratesim.measure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** A measurement's result for people (text) and programs (JSON). */
public final class MeasureReport {
  private MeasureReport() {}

  /** The table of medians and spreads, and where the files are. */
  public static String text(Measurement.Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "cratesim measure: %s, %s, %d rep(s) per variant, %s%n%n",
            r.workspace(),
            r.kind().id(),
            r.reps(),
            r.cargoVersion()));
    int w = Math.max(7, r.summaries().stream().mapToInt(s -> s.variant().length()).max().orElse(0));
    sb.append(
        String.format(
            Locale.ROOT,
            "  %-" + w + "s %3s %3s %9s %9s %9s %7s %9s  %s%n",
            "variant",
            "-j",
            "n",
            "min_s",
            "median_s",
            "max_s",
            "spread",
            "vs base",
            "variant as run"));
    for (Summary s : r.summaries()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-" + w + "s %3d %3d %9.3f %9.3f %9.3f %6.1f%% %8.3fx  %s%n",
              s.variant(),
              s.jobs(),
              s.n(),
              s.minS(),
              s.medianS(),
              s.maxS(),
              100 * s.spread(),
              s.ratio(),
              s.described().isEmpty() ? "(as is)" : s.described()));
    }
    sb.append(
        String.format(
            "%nruns: %s  summary: %s  pages: %s%n",
            r.out().resolve("runs.csv"),
            r.out().resolve("summary.csv"),
            r.out().resolve("timings")));
    if (!r.gnuTime()) {
      sb.append("cpu_pct and maxrss_kb are empty: no GNU time at the --time path\n");
    }
    return sb.toString();
  }

  /**
   * {@code {workspace, kind, cargo, reps, variants: [{variant, kind, jobs, n, min_s, median_s,
   * max_s, spread, ratio_to_baseline, variant_spec}], runs: [{workspace, kind, variant, jobs, rep,
   * wall_s, rc, cpu_pct, maxrss_kb, cmd}]}}.
   */
  public static String json(Measurement.Result r) {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = om.createObjectNode();
    root.put("format", "cratesim-measure")
        .put("version", 1)
        .put("workspace", r.workspace())
        .put("kind", r.kind().id())
        .put("cargo", r.cargoVersion())
        .put("reps", r.reps())
        .put("out", r.out().toString());
    ArrayNode vs = root.putArray("variants");
    for (Summary s : r.summaries()) {
      vs.addObject()
          .put("variant", s.variant())
          .put("kind", s.kind())
          .put("jobs", s.jobs())
          .put("n", s.n())
          .put("min_s", s.minS())
          .put("median_s", s.medianS())
          .put("max_s", s.maxS())
          .put("spread", s.spread())
          .put("ratio_to_baseline", s.ratio())
          .put("variant_spec", s.described());
    }
    ArrayNode rs = root.putArray("runs");
    for (RunRecord x : r.runs()) {
      rs.addObject()
          .put("workspace", x.workspace())
          .put("kind", x.kind())
          .put("variant", x.variant())
          .put("jobs", x.jobs())
          .put("rep", x.rep())
          .put("wall_s", x.wallS())
          .put("rc", x.rc())
          .put("cpu_pct", x.cpuPct())
          .put("maxrss_kb", x.maxRssKb())
          .put("cmd", x.cmd());
    }
    try {
      return om.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
