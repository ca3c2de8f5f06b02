package org.cratesim.strategy;

import java.util.Objects;
import java.util.Optional;
import org.cratesim.model.BuildOverrideSettings;
import org.cratesim.model.Scenario;

/**
 * {@code [profile.build-override]} as a what-if: the opt-level, debuginfo and codegen-units of
 * units built for the host only (build scripts, proc macros and what only they need), over the
 * scenario's own build-override. A key not given keeps the scenario's (or cargo's default); with no
 * key at all the strategy is {@code debug = 0}, lqd-experiments' "build dependencies without
 * debuginfo" (cargo 1.69's default, PR #11252). A unit shared with the target side keeps the
 * profile's settings, as cargo builds it once.
 *
 * @param settings the keys given
 */
public record BuildOverride(BuildOverrideSettings settings) implements BuildStrategy {
  public static final String ID = "build-override";

  /** The value of a parameter left at its default: keep the scenario's. */
  public static final String KEEP = "keep";

  public BuildOverride {
    Objects.requireNonNull(settings);
    if (settings.isEmpty()) {
      settings = settings.withDebug(Optional.of(0));
    }
  }

  @Override
  public Scenario prepare(Scenario sc, StrategyContext ctx) {
    BuildOverrideSettings merged = sc.profile().buildOverride().merge(settings);
    return sc.withProfile(sc.profile().withBuildOverride(merged));
  }
}
