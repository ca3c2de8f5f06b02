package org.cratesim.strategy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cratesim.model.Scenario;
import org.cratesim.model.UnitWork;

/**
 * Proc macros shipped as precompiled binaries (serde_derive 1.0.171 to 1.0.184): the macro crate is
 * not compiled, nor are its build-only dependencies (syn, quote, proc-macro2) when nothing else
 * needs them; every expansion talks to the binary and pays a per-invocation process/IPC overhead
 * (serde#2523: 1.89 s to expand 286 derives with a process per macro; net of native expansion,
 * about 2 ms each, 4.6 ms per invocation).
 *
 * @param crates the macro crates; empty = every proc-macro crate
 * @param perInvocationS overhead per invocation
 */
public record PrecompiledProcMacros(List<String> crates, double perInvocationS)
    implements BuildStrategy {
  public static final String ID = "precompiled-proc-macros";

  @Override
  public Optional<String> whyNot(Scenario sc) {
    return MacroCrates.noMacros(sc);
  }

  public PrecompiledProcMacros {
    crates = List.copyOf(crates);
    if (!(perInvocationS >= 0)) {
      throw new IllegalArgumentException("per_invocation_s must be >= 0");
    }
  }

  @Override
  public Scenario prepare(Scenario sc, StrategyContext ctx) {
    Set<String> macros = MacroCrates.resolve(sc, crates);
    ctx.freshCrates().addAll(macros);
    ctx.freshCrates().addAll(MacroCrates.exclusiveDeps(sc, macros));
    return sc;
  }

  @Override
  public UnitWork adjust(UnitWork u, UnitFacts f, StrategyContext ctx) {
    if (ctx.freshCrates().contains(f.crate().name())) {
      return u.fresh();
    }
    if (!f.rebuilt() || f.kind().isBuildScript()) {
      return u;
    }
    Set<String> macros = ctx.macros(crates);
    long extra = 0;
    for (var e : f.invocations().entrySet()) {
      if (macros.contains(e.getKey())) {
        extra += Math.round(e.getValue() * perInvocationS * 1e9);
      }
    }
    return extra == 0 ? u : u.frontendPlus(extra);
  }
}
