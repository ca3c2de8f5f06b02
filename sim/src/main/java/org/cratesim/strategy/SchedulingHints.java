package org.cratesim.strategy;

import java.util.List;
import java.util.Optional;
import org.cratesim.model.BuildSettings;
import org.cratesim.model.Scenario;

/**
 * Scheduling hints (cargo #7437, the cost parameter of PR #8908): the named crates' units cost
 * {@code factor} times a plain unit in cargo's {@code DependencyQueue}, so they and everything they
 * need rank higher. lqd's prioritized experiment gave syn, quote, serde_derive, proc-macro2 and
 * unicode-xid ×10.
 *
 * @param crates the crates (packages) to boost
 * @param factor their cost relative to a plain unit's 100
 */
public record SchedulingHints(List<String> crates, double factor) implements BuildStrategy {
  public static final String ID = "scheduling-hints";

  @Override
  public Optional<String> whyNot(Scenario sc) {
    boolean any = sc.crates().stream().anyMatch(c -> crates.contains(c.name()));
    return any ? MacroCrates.oneToken(sc) : Optional.of("none of the crates named is in the build");
  }

  public SchedulingHints {
    crates = List.copyOf(crates);
    if (!(factor > 0 && factor <= 1e6)) {
      throw new IllegalArgumentException(
          "scheduling-hints.factor must be in (0, 1e6], was " + factor);
    }
  }

  @Override
  public BuildSettings schedule(BuildSettings b) {
    return b.withCostHints(crates, factor);
  }
}
