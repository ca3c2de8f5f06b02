package org.cratesim.strategy;

import java.util.Optional;
import org.cratesim.model.BuildSettings;
import org.cratesim.model.Scenario;
import org.cratesim.model.UnitWork;

/**
 * A way of building: it may change the crate graph ({@link #prepare}), each unit's work ({@link
 * #adjust}) and how cargo schedules the units ({@link #schedule}). A strategy that does not apply
 * to a build (an expansion cache on a clean build) changes nothing.
 */
public sealed interface BuildStrategy
    permits PrecompiledProcMacros,
        WasmProcMacros,
        ExpansionCache,
        SharedCache,
        ProcMacrosFirst,
        PendingQueueOrder,
        SchedulingHints,
        BuildOverride {

  /**
   * Why this strategy cannot change {@code sc}'s build (no proc macro to precompile, no cached
   * expansion in a clean build), or empty when it may. A what-if that cannot apply says so rather
   * than reporting 0 %.
   */
  default Optional<String> whyNot(Scenario sc) {
    return Optional.empty();
  }

  /** Graph-level changes, before units are derived. */
  default Scenario prepare(Scenario sc, StrategyContext ctx) {
    return sc;
  }

  /** cargo's settings under this strategy (the scheduling what-ifs change its policy). */
  default BuildSettings schedule(BuildSettings build) {
    return build;
  }

  /** A unit's work under this strategy. */
  default UnitWork adjust(UnitWork u, UnitFacts facts, StrategyContext ctx) {
    return u;
  }
}
