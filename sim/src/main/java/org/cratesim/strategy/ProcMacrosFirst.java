package org.cratesim.strategy;

import java.util.Optional;
import org.cratesim.model.BuildSettings;
import org.cratesim.model.Scenario;
import org.cratesim.model.SchedulingPolicy;

/**
 * cargo issue #8370's proposal: schedule proc macros and everything they need before other units,
 * so the synchronisation point they form is reached as early as possible.
 */
public record ProcMacrosFirst() implements BuildStrategy {
  public static final String ID = "proc-macros-first";

  @Override
  public Optional<String> whyNot(Scenario sc) {
    return MacroCrates.noMacros(sc).or(() -> MacroCrates.oneToken(sc));
  }

  @Override
  public BuildSettings schedule(BuildSettings b) {
    return new BuildSettings(
        b.jobs(), b.mode(), b.startupS(), new SchedulingPolicy.ProcMacrosFirst());
  }
}
