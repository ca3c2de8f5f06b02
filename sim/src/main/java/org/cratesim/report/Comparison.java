package org.cratesim.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.ChainLink;
import org.cratesim.model.Scenario;

/**
 * A baseline build (every strategy off) and the same build with strategies on, as {@code cratesim
 * compare} prints it.
 *
 * @param scenario the scenario compared (its name, build kind, mode and jobs head the report)
 * @param baseline the build with every strategy off
 * @param variants one build per strategy spec, in the order asked for
 */
public record Comparison(Scenario scenario, BuildResult baseline, List<Variant> variants) {
  /**
   * One strategy spec as written ({@code a+b} for both), its build, and why it cannot change this
   * build when it cannot (then its wall time is the baseline's).
   */
  public record Variant(String strategy, BuildResult result, Optional<String> whyNot) {
    public Variant(String strategy, BuildResult result) {
      this(strategy, result, Optional.empty());
    }

    /** Wall time minus the baseline's, in seconds. */
    public double deltaS(BuildResult baseline) {
      return (result.wallNanos() - baseline.wallNanos()) / 1e9;
    }

    /** The change against the baseline, in percent. */
    public double changePct(BuildResult baseline) {
      return 100 * deltaS(baseline) / (baseline.wallNanos() / 1e9);
    }
  }

  public Comparison {
    variants = List.copyOf(variants);
  }

  /** The units on the simulated critical path that did work, in order. */
  public static Set<String> criticalUnits(BuildResult r) {
    Set<String> out = new LinkedHashSet<>();
    for (ChainLink l : r.criticalChain()) {
      if (l.unit() >= 0 && l.toNanos() > l.fromNanos()) {
        out.add(r.units().get(l.unit()).unit().label());
      }
    }
    return out;
  }
}
