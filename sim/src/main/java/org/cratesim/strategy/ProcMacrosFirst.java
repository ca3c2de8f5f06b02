package org.cratesim.strategy;

import org.cratesim.model.BuildSettings;
import org.cratesim.model.Scenario;
import org.cratesim.model.SchedulingPolicy;

/**
 * cargo issue #8370's proposal: schedule proc macros and everything they need before other
 * units, so the synchronisation point they form is reached as early as possible.
 */
public record ProcMacrosFirst() implements BuildStrategy {
  public static final String ID = "proc-macros-first";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Scenario prepare(Scenario sc, StrategyContext ctx) {
    BuildSettings b = sc.build();
    return sc.withBuild(new BuildSettings(b.jobs(), b.mode(), b.startupS(),
        new SchedulingPolicy.ProcMacrosFirst()));
  }
}
