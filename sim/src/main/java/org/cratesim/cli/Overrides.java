package org.cratesim.cli;

import java.util.List;
import java.util.Map;
import org.cratesim.model.Mode;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioException;
import org.cratesim.scenario.ScenarioOverrides;
import org.cratesim.scenario.ScenarioValidator;
import org.cratesim.strategy.Strategies;

/** Command-line overrides of a scenario's settings. */
final class Overrides {
  private Overrides() {}

  /** {@code --strategy NAME}: switch strategies on. */
  static Scenario strategies(Scenario sc, List<String> names) {
    Scenario out = sc;
    for (String n : names) {
      try {
        out = Strategies.enable(out, n);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--strategy: " + e.getMessage());
      }
    }
    return out;
  }

  /** {@code --build-kind} and {@code --edit}. */
  static Scenario rebuild(Scenario sc, String kind, List<String> edits) {
    Rebuild rb = sc.rebuild();
    try {
      if (kind != null) {
        rb = rb.withKind(Rebuild.Kind.parse(kind));
      }
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--build-kind: " + e.getMessage());
    }
    if (!edits.isEmpty()) {
      try {
        rb = rb.withEdits(edits);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--edit: " + e.getMessage());
      }
      if (kind == null) {
        rb = rb.withKind(Rebuild.Kind.INCREMENTAL);
      }
    }
    if (rb.kind() == Rebuild.Kind.INCREMENTAL && rb.edits().isEmpty()) {
      throw new BadInputException("an incremental build needs --edit CRATE");
    }
    for (String e : rb.editedCrates()) {
      if (sc.crates().stream().noneMatch(c -> c.name().equals(e))) {
        throw new BadInputException("--edit: no crate '" + e + "' in " + sc.source());
      }
    }
    return sc.withRebuild(rb);
  }

  /**
   * An imported page's edits: only workspace members (cargo metadata's, or the page's targets) are
   * edited in an edit-compile loop; a registry crate changes only with its version (a clean build
   * of it and its dependents).
   */
  static void requireMembers(Scenario sc) {
    List<String> ws = sc.rebuild().workspace();
    for (String e : sc.rebuild().editedCrates()) {
      if (!ws.isEmpty() && !ws.contains(e)) {
        throw new BadInputException(
            "--edit "
                + e
                + ": not a workspace member of the page (members: "
                + String.join(", ", ws)
                + ")");
      }
    }
  }

  /** {@code --set} overrides; a bad one is bad input. */
  static Scenario set(Scenario sc, Map<String, String> overrides) {
    try {
      Scenario out = ScenarioOverrides.apply(sc, overrides);
      ScenarioValidator.validate(out);
      return out;
    } catch (IllegalArgumentException | ScenarioException e) {
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
