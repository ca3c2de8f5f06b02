package org.cratesim.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The result of one run: its task and its metrics, in the order of {@link #METRICS}.
 *
 * @param task point and replication
 * @param metrics wall time, critical path, utilisation, per-phase work totals
 */
public record SweepRow(SweepTask task, double[] metrics) implements Serializable {
  /** Metric column names (seconds unless noted). */
  public static final List<String> METRICS =
      List.of("wall_s", "dependency_bound_s", "utilisation", "frontend_s", "codegen_s", "link_s");

  public SweepRow {
    metrics = metrics.clone();
    if (metrics.length != METRICS.size()) {
      throw new IllegalArgumentException("expected " + METRICS.size() + " metrics");
    }
  }

  @Override
  public double[] metrics() {
    return metrics.clone();
  }

  public double wallS() {
    return metrics[0];
  }
}
