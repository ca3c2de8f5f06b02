package org.cratesim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cratesim.model.CostRates;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Phases;
import org.cratesim.model.Scenario;

/**
 * The phases of the parts of a crate given in seconds ({@link SplitMerge#split}), and of crates
 * given in seconds merged into one ({@link SplitMerge#merge}): the exact inverse of the split for
 * the same options and the same parts graph.
 *
 * <p>A crate X with measured front end F, codegen C and link L split into K parts whose graph among
 * themselves has E edges and S sinks (parts no other part depends on):
 *
 * <ul>
 *   <li>front end: rustc's start-up s = min(part_startup_s, F) is paid by every part; the rest, F −
 *       s, is shared equally (f = (F − s) / K each). A part loads the metadata of each part it
 *       depends on: {@code costs.metadata_load_per_dep_s} + ρ·f, where ρ = {@code
 *       metadata_load_per_dep_kloc_s / frontend_per_kloc_s} turns the cost model's per-line rates
 *       into a share of the dependency's front end (rustc's {@code CrateLoader} decodes every
 *       dependency's crate root, rustc_metadata/src/creader.rs). Parts 2..K load X's own
 *       dependencies again (part 1 keeps X's loading). When X is a bin, its lib parts now write
 *       metadata: ω·f, ω = {@code metadata_write_per_kloc_s / frontend_per_kloc_s}
 *       (rustc_metadata/src/rmeta/encoder.rs);
 *   <li>codegen: the generic share g (option generic_share) is copies of generic code made for the
 *       code that uses them (rustc_monomorphize/src/collector.rs collects them in the crate that
 *       instantiates them): after the split the sinks make them, g·C / S each, and with S &gt; 1
 *       each makes d·(S − 1)/S of its share again (option duplication: sibling crates cannot reuse
 *       each other's copies). The rest, (1 − g)·C, is shared equally (c = (1 − g)·C / K); a part
 *       translates again the {@code #[inline]} code of each part it depends on, {@code
 *       costs.inline_share}·c (inlining stays within a crate unless the code is inline);
 *   <li>link: a bin X's link goes to its bin part with one more input per other part ({@code
 *       costs.link_per_input_s} each); a lib's link (normally 0) goes to the last part; timed
 *       crates that link X (bins and proc macros that depend on it, directly or not) read K − 1
 *       more inputs;
 *   <li>smaller CGUs: when the profile optimises, a part holding q of X's codegen has CGUs q times
 *       the size, and LLVM's work per CGU grows as its size to the power {@code
 *       costs.llvm_opt_exponent} (CostModel.llvmOpt): its codegen is multiplied by serial + (1 −
 *       serial)·q^(exponent − 1), serial being {@code rustc.codegen_serial_share};
 *   <li>codegen_units, version and built_for are X's.
 * </ul>
 *
 * <p>Merge of crates P1..Pn given in seconds: the sums of their phases minus what the formulas
 * above add for a split of the merged crate into those parts (its edges and sinks among them, the
 * dependencies they load more than once), solved for F and C; links lose n − 1 inputs.
 */
final class TimedSplit {
  private TimedSplit() {}

  /** The cost model's rates the formulas use. */
  record Rates(
      double loadFixed,
      double loadShare,
      double loadPerKloc,
      double writeShare,
      double inlineShare,
      double linkPerInput,
      double generatedLines,
      double serialShare,
      double llvmExponent) {
    /** The rates of {@code r}; LLVM work linear in CGU size (no optimisation). */
    static Rates of(CostRates r) {
      return of(r, 0, 1);
    }

    /**
     * The scenario's rates: when its profile optimises, a part's LLVM work (the codegen beyond
     * rustc's serial share) grows as its CGUs' size to the power {@code costs.llvm_opt_exponent}.
     */
    static Rates of(Scenario sc) {
      boolean opt = sc.profile().optimizes(sc.build().mode());
      return of(
          sc.costs(),
          sc.rustc().codegenSerialShare(),
          opt ? sc.costs().get("llvm_opt_exponent") : 1);
    }

    private static Rates of(CostRates r, double serial, double exponent) {
      double perKloc = r.get("frontend_per_kloc_s");
      return new Rates(
          r.get("metadata_load_per_dep_s"),
          perKloc > 0 ? r.get("metadata_load_per_dep_kloc_s") / perKloc : 0,
          r.get("metadata_load_per_dep_kloc_s"),
          perKloc > 0 ? r.get("metadata_write_per_kloc_s") / perKloc : 0,
          r.get("inline_share"),
          r.get("link_per_input_s"),
          r.get("generated_lines_per_invocation"),
          serial,
          exponent);
    }

    /**
     * A part holding {@code q} of the crate's codegen (its CGUs q times the size): its codegen
     * relative to q times the crate's, LLVM at opt-level &ge; 1 being superlinear in CGU size
     * (CostModel.llvmOpt: each CGU costs (its size)^llvm_opt_exponent).
     */
    double cguSizeFactor(double q) {
      return llvmExponent == 1 || q <= 0
          ? 1
          : serialShare + (1 - serialShare) * Math.pow(q, llvmExponent - 1);
    }

    /** Loading the metadata of {@code dep} once (its front end or its size tells its size). */
    double load(CrateSpec dep) {
      if (dep.size().isPresent()) {
        var z = dep.size().get();
        double lines = z.loc() + z.totalInvocations() * generatedLines;
        return loadFixed + loadPerKloc * lines / 1000.0;
      }
      return loadFixed + loadShare * dep.phases().frontendS();
    }
  }

  /** Indices of the parts no other part depends on. */
  static Set<Integer> sinks(List<List<Integer>> inDeps) {
    Set<Integer> s = new LinkedHashSet<>();
    for (int i = 0; i < inDeps.size(); i++) {
      s.add(i);
    }
    for (List<Integer> d : inDeps) {
      s.removeAll(d);
    }
    return s;
  }

  private static int edges(List<List<Integer>> inDeps) {
    return inDeps.stream().mapToInt(List::size).sum();
  }

  private static double duplicationFactor(double duplication, int sinks) {
    return sinks > 1 ? 1 + duplication * (sinks - 1) / sinks : 1;
  }

  /**
   * The parts' phases.
   *
   * @param x the crate (given in seconds)
   * @param inDeps for each part, the parts it depends on
   * @param binPart the part that is the bin when x is one, else -1
   * @param byName every crate of the scenario
   */
  static List<Phases> split(
      CrateSpec x,
      List<List<Integer>> inDeps,
      int binPart,
      SplitMerge.Options o,
      Map<String, CrateSpec> byName,
      Rates r) {
    Phases p = x.phases();
    int k = inDeps.size();
    double s = Math.min(o.partStartupS(), p.frontendS());
    double f = (p.frontendS() - s) / k;
    double ext = 0;
    for (String d : x.deps()) {
      ext += r.load(byName.get(d));
    }
    Set<Integer> sinks = sinks(inDeps);
    double generic = o.genericShare() * p.codegenS();
    double c = (p.codegenS() - generic) / k;
    double perSink = generic / sinks.size() * duplicationFactor(o.duplication(), sinks.size());
    double[] q = shares(inDeps, o, r);
    List<Phases> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int n = inDeps.get(i).size();
      double fe = f + s + n * (r.loadFixed() + r.loadShare() * f) + (i > 0 ? ext : 0);
      if (binPart >= 0 && i != binPart) {
        fe += r.writeShare() * f;
      }
      double cg =
          (c * (1 + r.inlineShare() * n) + (sinks.contains(i) ? perSink : 0))
              * r.cguSizeFactor(q[i]);
      double link =
          binPart >= 0
              ? (i == binPart ? p.linkS() + (k - 1) * r.linkPerInput() : 0)
              : (i == k - 1 ? p.linkS() : 0);
      out.add(new Phases(fe, cg, p.codegenUnits(), link));
    }
    return out;
  }

  /**
   * The merged crate's phases: the inverse of {@link #split} for the parts graph {@code inDeps}.
   *
   * @param parts the crates merged (given in seconds), in order
   * @param bin whether the merged crate is a bin
   */
  static Phases merge(
      List<CrateSpec> parts,
      List<List<Integer>> inDeps,
      boolean bin,
      SplitMerge.Options o,
      Map<String, CrateSpec> byName,
      Rates r) {
    int k = parts.size();
    Set<String> names = new LinkedHashSet<>();
    parts.forEach(c -> names.add(c.name()));
    double sumF = 0;
    double sumC = 0;
    double sumL = 0;
    double loads = 0;
    Set<String> union = new LinkedHashSet<>();
    int libs = 0;
    for (CrateSpec c : parts) {
      sumF += c.phases().frontendS();
      sumC += c.phases().codegenS();
      sumL += c.phases().linkS();
      libs += c.kind() == CrateKind.LIB ? 1 : 0;
      for (String d : c.deps()) {
        if (!names.contains(d)) {
          loads += r.load(byName.get(d));
          union.add(d);
        }
      }
    }
    for (String d : union) {
      loads -= r.load(byName.get(d));
    }
    int e = edges(inDeps);
    double writers = bin ? libs : 0;
    double s0 = o.partStartupS();
    double rest = sumF - e * r.loadFixed() - loads;
    // F > s0: sumF = (F - s0)(1 + (rho e + omega writers) / k) + k s0 + e c0 + loads
    double grow = 1 + (r.loadShare() * e + r.writeShare() * writers) / k;
    double fe = (rest - k * s0) / grow + s0;
    if (fe < s0) {
      fe = rest / k; // F <= s0: every part is start-up only
    }
    double factor = 0;
    for (double q : shares(inDeps, o, r)) {
      factor += q * r.cguSizeFactor(q);
    }
    double cg = factor > 0 ? sumC / factor : 0;
    double link = bin ? sumL - (k - 1) * r.linkPerInput() : sumL;
    return new Phases(
        Math.max(0, fe), Math.max(0, cg), parts.get(0).phases().codegenUnits(), Math.max(0, link));
  }

  /**
   * Each part's codegen before the CGU-size factor, as a share of the crate's: (1 − g)/K·(1 +
   * inline_share·its dependency parts) + (a sink: g/S·(1 + d·(S − 1)/S)).
   */
  private static double[] shares(List<List<Integer>> inDeps, SplitMerge.Options o, Rates r) {
    int k = inDeps.size();
    Set<Integer> sinks = sinks(inDeps);
    double g = o.genericShare();
    double perSink = g / sinks.size() * duplicationFactor(o.duplication(), sinks.size());
    double[] q = new double[k];
    for (int i = 0; i < k; i++) {
      q[i] =
          (1 - g) / k * (1 + r.inlineShare() * inDeps.get(i).size())
              + (sinks.contains(i) ? perSink : 0);
    }
    return q;
  }

  /** A crate's phases with {@code delta} seconds more link (never below 0). */
  static Phases linkPlus(Phases p, double delta) {
    return new Phases(
        p.frontendS(), p.codegenS(), p.codegenUnits(), Math.max(0, p.linkS() + delta));
  }
}
