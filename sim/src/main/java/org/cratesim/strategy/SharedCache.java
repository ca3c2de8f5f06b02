package org.cratesim.strategy;

import org.cratesim.model.TargetKind;
import org.cratesim.model.UnitWork;

/**
 * A shared compilation cache in the manner of sccache: a library unit hits with a probability and
 * costs a fetch instead of a compile; a miss compiles and pays a write. Never cached, as sccache
 * documents: bins, proc macros (anything that invokes the linker), build-script runs, and crates
 * compiled incrementally. Draws come from the strategy's own random stream, one per eligible unit
 * in unit order: the same seed gives the same hits.
 *
 * @param hitRate probability that a library unit is in the cache
 * @param fetchShare fetching a hit, as a share of compiling it
 * @param writeShare writing a miss to the cache, as a share of compiling it
 */
public record SharedCache(double hitRate, double fetchShare, double writeShare)
    implements BuildStrategy {
  public static final String ID = "shared-cache";

  /**
   * A prior, for a team's cache that some units miss: nothing here measures a shared cache's hit
   * rate (a warm cache of the same tree hits every unit it can cache: give {@code hit_rate=1}).
   */
  public static final double DEFAULT_HIT_RATE = 0.8;

  /**
   * Fitted on sccache 0.4 (Debian) with a warm local cache, clean dev builds of own-2core's cli and
   * async at -j2 (cratesim measure, 2026-12-02, sim/src/test/resources/measured; every unit it can
   * cache hit): fetching costs 0.2 of compiling (hashing the inputs, decompressing the outputs;
   * -53.5 and -48.5 % measured, -51.0 and -50.7 % predicted). The prior was 0.1.
   */
  public static final double DEFAULT_FETCH_SHARE = 0.2;

  public SharedCache {
    if (!(hitRate >= 0 && hitRate <= 1) || !(fetchShare >= 0) || !(writeShare >= 0)) {
      throw new IllegalArgumentException("hit_rate in [0, 1], shares >= 0");
    }
  }

  @Override
  public UnitWork adjust(UnitWork u, UnitFacts f, StrategyContext ctx) {
    if (!f.rebuilt() || f.incremental() || f.kind() != TargetKind.LIB) {
      return u;
    }
    long work = u.frontendNanos() + u.codegenNanos();
    boolean hit = ctx.random().nextDouble() < hitRate;
    if (hit) {
      return new UnitWork(
          Math.round(work * fetchShare),
          0,
          u.codegenUnits(),
          u.linkNanos(),
          0,
          0,
          u.parallelCodegenFactor());
    }
    double w = 1 + writeShare;
    return new UnitWork(
        Math.round(u.frontendNanos() * w),
        Math.round(u.codegenNanos() * w),
        u.codegenUnits(),
        u.linkNanos(),
        u.codegenSerialNanos() < 0 ? -1 : Math.round(u.codegenSerialNanos() * w),
        u.ltoNanos(),
        u.parallelCodegenFactor());
  }
}
