package org.cratesim.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/** What {@code cratesim sweep} prints when done: runs, the first 40 points' means, the files. */
public final class SweepSummary {
  private static final int SHOWN = 40;

  private SweepSummary() {}

  /** The summary of a finished sweep {@code s} written to {@code dir}. */
  public static String text(SweepSpec s, SweepRunner.Outcome o, Path dir) {
    List<Map<String, String>> points = s.points();
    StringBuilder w = new StringBuilder();
    w.append(
        String.format(
            Locale.ROOT,
            "%d design points x %d replications: %d runs (%d kept from before)%n",
            points.size(),
            s.replications(),
            o.ran() + o.kept(),
            o.kept()));
    List<SummaryStatistics> st = new ArrayList<>();
    points.forEach(p -> st.add(new SummaryStatistics()));
    o.rows().forEach(r -> st.get(r.task().point()).addValue(r.wallS()));
    int shown = Math.min(points.size(), SHOWN);
    w.append(String.format(Locale.ROOT, "  %-50s %10s %21s%n", "point", "wall mean", "95 % CI"));
    for (int p = 0; p < shown; p++) {
      StringBuilder name = new StringBuilder();
      points.get(p).forEach((k, v) -> name.append(k).append('=').append(v).append(' '));
      double[] ci = SweepRunner.ci95(st.get(p));
      w.append(
          String.format(
              Locale.ROOT,
              "  %-50s %9.3fs %21s%n",
              name.toString().strip(),
              st.get(p).getMean(),
              ci == null ? "-" : String.format(Locale.ROOT, "[%.3f, %.3f]", ci[0], ci[1])));
    }
    if (shown < points.size()) {
      w.append(
          String.format(
              Locale.ROOT, "  ... %d more points in summary.csv%n", points.size() - shown));
    }
    w.append(
        String.format(
            Locale.ROOT, "Wrote %s, %s%n", dir.resolve("results.csv"), dir.resolve("summary.csv")));
    return w.toString();
  }
}
