package org.cratesim.strategy;

import java.util.Optional;
import org.cratesim.model.Scenario;

/**
 * {@code [profile.dev.build-override] debug = N}: the debuginfo of units built for the host (build
 * scripts, proc macros and what only they need). cargo 1.69 made none the default (PR #11252); a
 * unit shared with the target side keeps the profile's, as cargo builds it once.
 *
 * @param debug 0 (none), 1 (line tables only) or 2 (full)
 */
public record BuildOverride(int debug) implements BuildStrategy {
  public static final String ID = "build-override";

  public BuildOverride {
    if (debug < 0 || debug > 2) {
      throw new IllegalArgumentException("build-override.debug must be 0, 1 or 2, was " + debug);
    }
  }

  @Override
  public Scenario prepare(Scenario sc, StrategyContext ctx) {
    return sc.withProfile(sc.profile().withBuildOverrideDebug(Optional.of(debug)));
  }
}
