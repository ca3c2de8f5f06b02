package org.cratesim.strategy;

import java.util.List;
import java.util.Optional;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.cratesim.model.UnitWork;

/**
 * A proc-macro expansion cache (CodeRemote's rustc fork; upstream {@code -Zcache-proc-macros}): on
 * an incremental build, invocations whose input tokens did not change are served from the cache for
 * the cost of hashing and loading; only the changed ones (a share of the edited crate's; none of a
 * dependent's) and impure macros on the deny list run again. Clean and warm builds have nothing
 * cached: it changes nothing there.
 *
 * @param changedShare share of the edited crate's invocations whose input changed
 * @param hitCostS hashing an invocation's input and loading its output
 * @param deny impure macros that always run (they read files or the environment)
 */
public record ExpansionCache(double changedShare, double hitCostS, List<String> deny)
    implements BuildStrategy {
  public static final String ID = "expansion-cache";

  @Override
  public Optional<String> whyNot(Scenario sc) {
    if (sc.rebuild().kind() != Rebuild.Kind.INCREMENTAL) {
      return Optional.of(
          "the cache serves incremental rebuilds; this is a "
              + sc.rebuild().kind().id()
              + " build");
    }
    if (!sc.rebuild().incrementalFor(sc.build().mode())) {
      return Optional.of("incremental compilation is off in this build");
    }
    return MacroCrates.noMacros(sc);
  }

  public ExpansionCache {
    deny = List.copyOf(deny);
    if (!(changedShare >= 0 && changedShare <= 1) || !(hitCostS >= 0)) {
      throw new IllegalArgumentException("changed_share in [0, 1], hit_cost_s >= 0");
    }
  }

  @Override
  public UnitWork adjust(UnitWork u, UnitFacts f, StrategyContext ctx) {
    if (!f.incremental()) {
      return u;
    }
    long delta = 0;
    for (var e : f.expansionNanos().entrySet()) {
      if (deny.contains(e.getKey())) {
        continue;
      }
      double changed = f.edited() ? changedShare : 0;
      long hits = Math.round(f.invocations().getOrDefault(e.getKey(), 0L) * (1 - changed));
      delta -= Math.round(e.getValue() * (1 - changed));
      delta += Math.round(hits * hitCostS * 1e9);
    }
    return delta == 0 ? u : u.frontendPlus(delta);
  }
}
