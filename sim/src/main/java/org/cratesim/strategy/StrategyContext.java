package org.cratesim.strategy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;
import org.cratesim.model.Scenario;

/**
 * The build a strategy is applied to.
 *
 * @param original the scenario before any strategy prepared it
 * @param freshCrates crates a strategy made unnecessary (not compiled at all)
 * @param random the strategy's own random stream (same seed, same draws)
 * @param resolvedMacros memo of {@link #macros(List)}
 */
public record StrategyContext(
    Scenario original,
    Set<String> freshCrates,
    RandomGenerator random,
    Map<List<String>, Set<String>> resolvedMacros) {
  public StrategyContext(Scenario original, Set<String> freshCrates, RandomGenerator random) {
    this(original, freshCrates, random, new HashMap<>());
  }

  /** The listed proc-macro crates of the original scenario (all of them when empty), once. */
  public Set<String> macros(List<String> listed) {
    Set<String> m = resolvedMacros.get(listed);
    if (m == null) {
      m = MacroCrates.resolve(original, listed);
      resolvedMacros.put(List.copyOf(listed), m);
    }
    return m;
  }
}
