package org.cratesim.cli;

import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;

/** Command-line overrides of a scenario's settings. */
final class Overrides {
  private Overrides() {}

  static Scenario apply(Scenario sc, Integer jobs, Mode mode) {
    Scenario out = sc;
    if (jobs != null) {
      if (jobs < 1 || jobs > 100_000) {
        throw new BadInputException("--jobs must be between 1 and 100000, was " + jobs);
      }
      out = out.withBuild(out.build().withJobs(jobs));
    }
    if (mode != null) {
      out = out.withBuild(out.build().withMode(mode));
    }
    return out;
  }
}
