package org.cratesim.strategy;

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
