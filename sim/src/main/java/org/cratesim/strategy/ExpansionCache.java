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
 * @param cacheableShare share of a crate's macro expansion time the cache can serve: rustc's {@code
 *     -Zcache-proc-macros} caches derive proc macros only, not declarative macros, built-in derives
 *     or attribute macros (default {@value #DEFAULT_CACHEABLE_SHARE}: see below)
 * @param deny impure macros that always run (they read files or the environment)
 */
public record ExpansionCache(
    double changedShare, double hitCostS, double cacheableShare, List<String> deny)
    implements BuildStrategy {
  public static final String ID = "expansion-cache";

  /**
   * Every expansion the model counts is cacheable. Checked on rustc 1.95's {@code
   * -Zcache-proc-macros} on own-2core's cli and async (incremental check and dev after comment and
   * body edits, -j2; {@code cratesim validate-strategies
   * sim/src/test/resources/measured/own-2core-2026-12-02}): with the expansion attributed where
   * rustc spends it (derives reached through a facade such as serde's "derive" feature; a bin's
   * capped front end), a grid over cacheable_share 0.7-1.0, changed_share 0.05-0.4 and hit_cost_s
   * 0-1 ms has its smallest error at the priors (1.0, 0.05, 0.2 ms: median 1.5 points, largest 8.4,
   * rms 4.2 over the eight what-ifs); the data cannot tell them apart more finely.
   */
  public static final double DEFAULT_CACHEABLE_SHARE = 1.0;

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
    if (!(changedShare >= 0 && changedShare <= 1)
        || !(hitCostS >= 0)
        || !(cacheableShare >= 0 && cacheableShare <= 1)) {
      throw new IllegalArgumentException(
          "changed_share and cacheable_share in [0, 1], hit_cost_s >= 0");
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
      delta -= Math.round(e.getValue() * cacheableShare * (1 - changed));
      delta += Math.round(hits * hitCostS * 1e9);
    }
    return delta == 0 ? u : u.frontendPlus(delta);
  }
}
