package org.cratesim.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Phases;
import org.cratesim.model.Scenario;
import org.cratesim.model.UnitWork;

/**
 * Proc macros compiled to WebAssembly and run in a runtime (dtolnay's watt): the macro is not
 * compiled from source and neither are its build-only dependencies; the runtime is built once
 * (watt: about 3 s) and each macro becomes a small shim (about 0.3 s); every expansion runs slower
 * than native code — about 100x in watt's interpreter (macro_expand 2.753 s vs 0.027 s, watt#47),
 * or a start-up cost per crate and a small factor with a JIT.
 *
 * @param crates the macro crates; empty = every proc-macro crate
 * @param jit true for a JIT runtime, false for the interpreter
 * @param runtimeBuildS compiling the runtime crate
 * @param shimS compiling each macro's shim
 * @param interpreterSlowdown expansion time factor in the interpreter
 * @param jitStartupS the JIT's start-up per crate that expands wasm macros
 * @param jitSlowdown expansion time factor with the JIT
 */
public record WasmProcMacros(
    List<String> crates,
    boolean jit,
    double runtimeBuildS,
    double shimS,
    double interpreterSlowdown,
    double jitStartupS,
    double jitSlowdown)
    implements BuildStrategy {
  public static final String ID = "wasm-proc-macros";

  @Override
  public Optional<String> whyNot(Scenario sc) {
    return MacroCrates.noMacros(sc);
  }

  static final String RUNTIME = "watt-runtime";

  public WasmProcMacros {
    crates = List.copyOf(crates);
    for (double v : new double[] {runtimeBuildS, shimS, jitStartupS}) {
      if (!(v >= 0)) {
        throw new IllegalArgumentException("times must be >= 0");
      }
    }
    if (!(interpreterSlowdown >= 1) || !(jitSlowdown >= 1)) {
      throw new IllegalArgumentException("slowdowns must be >= 1");
    }
  }

  @Override
  public Scenario prepare(Scenario sc, StrategyContext ctx) {
    Set<String> macros = MacroCrates.resolve(sc, crates);
    if (macros.isEmpty()) {
      return sc;
    }
    ctx.freshCrates().addAll(MacroCrates.exclusiveDeps(sc, macros));
    List<CrateSpec> out = new ArrayList<>();
    if (sc.crates().stream().noneMatch(c -> c.name().equals(RUNTIME))) {
      out.add(
          new CrateSpec(
              RUNTIME,
              "0.4.0",
              CrateKind.LIB,
              List.of(),
              new Phases(runtimeBuildS, 0, 1, 0),
              Optional.empty(),
              0));
    }
    for (CrateSpec c : sc.crates()) {
      if (macros.contains(c.name())) {
        // the macro is a shim over the runtime: no syn, no codegen of the macro itself
        out.add(
            new CrateSpec(
                c.name(),
                c.version(),
                CrateKind.PROC_MACRO,
                List.of(RUNTIME),
                new Phases(shimS, 0, 1, 0),
                Optional.empty(),
                c.buildScript(),
                c.builtFor(),
                c.line()));
      } else {
        out.add(c);
      }
    }
    return sc.withCrates(out);
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
    long nativeNanos = 0;
    for (var e : f.expansionNanos().entrySet()) {
      if (macros.contains(e.getKey())) {
        nativeNanos += e.getValue();
      }
    }
    if (nativeNanos == 0) {
      return u;
    }
    long extra =
        jit
            ? Math.round(jitStartupS * 1e9) + Math.round(nativeNanos * (jitSlowdown - 1))
            : Math.round(nativeNanos * (interpreterSlowdown - 1));
    return u.frontendPlus(extra);
  }
}
