package org.cratesim.sweep;

import java.util.ArrayList;
import java.util.List;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.model.Scenario;
import org.cratesim.report.Comparison;
import org.cratesim.strategy.Strategies;

/**
 * {@code cratesim compare}: a scenario as a baseline (every strategy off) and with each strategy
 * spec on, same build kind, same random numbers. Every variant is set up before anything runs.
 *
 * @param scenario the scenario as given (strategies as written in it)
 * @param baseline the scenario with every strategy off
 * @param specs the strategy specs, {@code a+b} for both, {@code NAME:key=value,...}
 * @param variants the baseline with each spec's strategies on, in the specs' order
 */
public record StrategyComparison(
    Scenario scenario, Scenario baseline, List<String> specs, List<Scenario> variants) {
  public StrategyComparison {
    specs = List.copyOf(specs);
    variants = List.copyOf(variants);
  }

  /**
   * The comparison of {@code specs} on {@code sc}; an unknown strategy or a bad parameter is an
   * {@link IllegalArgumentException}, before anything is simulated.
   */
  public static StrategyComparison of(Scenario sc, List<String> specs) {
    Scenario base = Strategies.disableAll(sc);
    List<Scenario> variants = new ArrayList<>();
    for (String spec : specs) {
      Scenario s = base;
      for (String name : spec.split("\\+")) {
        s = Strategies.enable(s, name.trim());
      }
      variants.add(s);
    }
    return new StrategyComparison(sc, base, specs, variants);
  }

  /** Simulates the baseline, then every variant. */
  public Comparison run() {
    var b = BuildSimulator.simulate(baseline);
    List<Comparison.Variant> out = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      Scenario v = variants.get(i);
      out.add(
          new Comparison.Variant(specs.get(i), BuildSimulator.simulate(v), Strategies.whyNot(v)));
    }
    return new Comparison(scenario, b, out);
  }
}
