package org.cratesim.calibration;

import java.util.Optional;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.importer.Calibration;
import org.cratesim.importer.TimingsImporter;
import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.UnitGraphFile;

/**
 * A measured build predicted at another {@code -j} ({@code cratesim predict}): the page imported
 * with a calibration, simulated at its own {@code -j} (the replay) and at the one asked for.
 *
 * @param page the page's file name
 * @param mode the build's mode
 * @param measuredJobs the {@code -j} the page was measured at
 * @param measuredSeconds the page's measured wall time
 * @param jobs the {@code -j} predicted for
 * @param replayed the simulated build at the page's own {@code -j}
 * @param predicted the simulated build at {@code jobs}
 */
public record Prediction(
    String page,
    Mode mode,
    int measuredJobs,
    double measuredSeconds,
    int jobs,
    BuildResult replayed,
    BuildResult predicted) {
  /** Imports {@code p} (with the edges of {@code graph} when given) and simulates it twice. */
  public static Prediction of(
      String page, TimingsPage p, Calibration cal, Optional<UnitGraphFile> graph, int jobs) {
    return of(page, p, TimingsImporter.toScenario(p, cal, graph), jobs);
  }

  /** As above, from the page already imported as {@code sc}. */
  public static Prediction of(String page, TimingsPage p, Scenario sc, int jobs) {
    BuildResult at = BuildSimulator.simulate(sc.withBuild(sc.build().withJobs(jobs)));
    BuildResult same = BuildSimulator.simulate(sc);
    return new Prediction(page, sc.build().mode(), p.jobs(), p.totalSeconds(), jobs, same, at);
  }
}
