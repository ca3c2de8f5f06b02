package org.cratesim.cli;

import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;

/** Command-line overrides of a scenario's settings. */
final class Overrides {
  private Overrides() {}

  /** {@code --set} overrides; a bad one is bad input. */
  static Scenario set(Scenario sc, java.util.Map<String, String> overrides) {
    try {
      Scenario out = org.cratesim.scenario.ScenarioOverrides.apply(sc, overrides);
      org.cratesim.scenario.ScenarioValidator.validate(out);
      return out;
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    } catch (org.cratesim.scenario.ScenarioException e) {
      throw new BadInputException(e.getMessage());
    }
  }

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
