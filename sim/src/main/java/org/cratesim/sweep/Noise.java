package org.cratesim.sweep;

import java.util.ArrayList;
import java.util.List;
import org.cratesim.cargo.Unit;
import org.cratesim.cargo.UnitDep;
import org.cratesim.cargo.UnitGraph;
import org.cratesim.engine.RandomStreams;
import org.cratesim.model.UnitWork;

/**
 * Run-to-run variability of a build: every unit's phases are multiplied by lognormal factors of
 * mean 1 — one factor per build (the machine is faster or slower that run: all units move together)
 * and one per unit and phase. Defaults from own-2core-2026's repeated clean builds (5 workspaces,
 * 2–3 repetitions of each mode and -j): the per-run factor has a standard deviation of log 0.17
 * over 45 runs; after removing it, a unit's own spread is 0.054 (median over 146 units of at least
 * 0.3 s; small samples bias it low, hence 0.06).
 *
 * @param buildCv coefficient of variation of the per-build factor
 * @param frontendCv of each unit's front end
 * @param codegenCv of each unit's codegen (and LTO)
 * @param linkCv of each unit's link
 */
public record Noise(double buildCv, double frontendCv, double codegenCv, double linkCv) {
  public static final Noise DEFAULT = new Noise(0.17, 0.06, 0.06, 0.06);
  public static final Noise NONE = new Noise(0, 0, 0, 0);

  public Noise {
    for (double cv : new double[] {buildCv, frontendCv, codegenCv, linkCv}) {
      if (!(cv >= 0 && cv <= 2)) {
        throw new IllegalArgumentException("a coefficient of variation is between 0 and 2");
      }
    }
  }

  /**
   * The graph with every unit's costs drawn for one replication. Draws are keyed by the unit's
   * label and phase ({@link RandomStreams#normal}), so replication r of every design point sees the
   * same draws for the same unit (common random numbers); {@code streamKey} distinguishes design
   * points when independent streams are wanted (empty for common random numbers).
   */
  public UnitGraph apply(UnitGraph g, RandomStreams rs, String streamKey) {
    if (equals(NONE)) {
      return g;
    }
    double build = factor(buildCv, rs.normal(streamKey + "build"));
    Lognormal feF = new Lognormal(frontendCv);
    Lognormal cgF = new Lognormal(codegenCv);
    Lognormal lnF = new Lognormal(linkCv);
    List<Unit> out = new ArrayList<>(g.size());
    for (Unit u : g.units()) {
      // the unit's key is hashed once for its three draws (same draws as normal(k + phase))
      long k = rs.keyHash(streamKey + u.label() + "/" + u.mode().id() + "/");
      double fe = build * feF.factor(rs.normal(k, "frontend"));
      double cg = build * cgF.factor(rs.normal(k, "codegen"));
      double ln = build * lnF.factor(rs.normal(k, "link"));
      UnitWork w = u.work();
      out.add(
          u.withWork(
              new UnitWork(
                  Math.round(w.frontendNanos() * fe),
                  Math.round(w.codegenNanos() * cg),
                  w.codegenUnits(),
                  Math.round(w.linkNanos() * ln),
                  w.codegenSerialNanos() < 0 ? -1 : Math.round(w.codegenSerialNanos() * cg),
                  w.ltoNanos() < 0 ? -1 : Math.round(w.ltoNanos() * cg),
                  w.parallelCodegenFactor())));
    }
    List<List<UnitDep>> deps = new ArrayList<>(g.size());
    for (int i = 0; i < g.size(); i++) {
      deps.add(g.deps(i));
    }
    return new UnitGraph(out, deps);
  }

  /** A lognormal factor of mean 1 and coefficient of variation cv, from a standard normal z. */
  static double factor(double cv, double z) {
    return new Lognormal(cv).factor(z);
  }

  /** Lognormal factors of mean 1 and one coefficient of variation (its constants computed once). */
  private static final class Lognormal {
    private final boolean none;
    private final double s2;
    private final double sigma;

    Lognormal(double cv) {
      none = cv == 0;
      s2 = StrictMath.log(1 + cv * cv);
      sigma = StrictMath.sqrt(s2);
    }

    double factor(double z) {
      return none ? 1 : StrictMath.exp(sigma * z - s2 / 2);
    }
  }
}
