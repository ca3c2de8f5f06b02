package org.cratesim.strategy;

import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;
import org.cratesim.model.Scenario;

/**
 * The build a strategy is applied to.
 *
 * @param original the scenario before any strategy prepared it
 * @param freshCrates crates a strategy made unnecessary (not compiled at all)
 * @param random the strategy's own random stream (same seed, same draws)
 */
public record StrategyContext(Scenario original, Set<String> freshCrates,
    RandomGenerator random) {}
