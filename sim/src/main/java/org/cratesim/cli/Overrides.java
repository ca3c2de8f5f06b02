package org.cratesim.cli;

import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;

/** Command-line overrides of a scenario's settings. */
final class Overrides {
  private Overrides() {}

  /** {@code --strategy NAME}: switch strategies on. */
  static Scenario strategies(Scenario sc, java.util.List<String> names) {
    Scenario out = sc;
    for (String n : names) {
      try {
        out = org.cratesim.strategy.Strategies.enable(out, n);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--strategy: " + e.getMessage());
      }
    }
    return out;
  }

  /** {@code --build-kind} and {@code --edit}. */
  static Scenario rebuild(Scenario sc, String kind, java.util.List<String> edits) {
    org.cratesim.model.Rebuild rb = sc.rebuild();
    try {
      if (kind != null) {
        rb = rb.withKind(org.cratesim.model.Rebuild.Kind.parse(kind));
      }
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--build-kind: " + e.getMessage());
    }
    if (!edits.isEmpty()) {
      rb = rb.withEdits(edits);
      if (kind == null) {
        rb = rb.withKind(org.cratesim.model.Rebuild.Kind.INCREMENTAL);
      }
    }
    if (rb.kind() == org.cratesim.model.Rebuild.Kind.INCREMENTAL && rb.edits().isEmpty()) {
      throw new BadInputException("an incremental build needs --edit CRATE");
    }
    return sc.withRebuild(rb);
  }

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
