package org.cratesim.advice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.ChainLink;
import org.cratesim.cargo.Fingerprints;
import org.cratesim.cargo.UnitData;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Lto;
import org.cratesim.model.Mode;
import org.cratesim.model.PendingQueue;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioOverrides;
import org.cratesim.scenario.SplitMerge;
import org.cratesim.strategy.Strategies;

/**
 * The changes {@code cratesim advise} tries on a build, each as a user would ask for it:
 *
 * <ul>
 *   <li><b>cores</b>: {@code -j N} for every N asked for (default twice and four times the
 *       build's);
 *   <li><b>strategy</b>: precompiled proc macros, WASM proc macros (JIT runtime), the expansion
 *       cache, a shared cache, each with its documented defaults;
 *   <li><b>scheduling</b>: proc macros first (cargo #8370), the other pending-queue order than the
 *       build's cargo uses (PR #11032), scheduling hints ×10 for the proc-macro stack (#7437);
 *   <li><b>profile</b>: the knobs of {@code [profile]} that differ from the build's: linker lld and
 *       mold, {@code -Z threads}, debuginfo 1 and 0 in debug builds, LTO off and codegen-units 256
 *       in release builds, host units without debuginfo where cargo gives them some (before 1.69);
 *   <li><b>split</b>: the workspace crate that holds the simulated critical path longest, split in
 *       four ({@link SplitMerge.Shape#WIDE}, the default duplication).
 * </ul>
 */
public final class Candidates {
  /** The proc-macro stack lqd's prioritized experiment boosted, besides the proc macros. */
  private static final Set<String> MACRO_STACK =
      Set.of("syn", "quote", "proc-macro2", "unicode-xid", "unicode-ident");

  /** Parts of the split candidate. */
  public static final int SPLIT_PARTS = 4;

  private Candidates() {}

  /**
   * Every change to try on {@code sc} (a clean build with strategies off), whose noise-free build
   * is {@code baseline}; {@code jobs} are the -j values of the cores family.
   */
  public static List<Candidate> of(Scenario sc, BuildResult baseline, List<Integer> jobs) {
    List<Candidate> out = new ArrayList<>();
    int j = sc.build().jobs();
    for (int n : jobs) {
      if (n != j) {
        out.add(
            new Candidate(
                "-j " + n + " (" + n + " cores)",
                "cores",
                s -> s.withBuild(s.build().withJobs(n))));
      }
    }
    for (String st :
        List.of(
            "precompiled-proc-macros",
            "wasm-proc-macros:runtime=jit",
            "expansion-cache",
            "shared-cache")) {
      out.add(strategy(st, st, "strategy"));
    }
    out.add(strategy("proc-macros-first", "proc-macros-first", "scheduling"));
    PendingQueue other =
        sc.build().pendingQueueInEffect() == PendingQueue.PRIORITY
            ? PendingQueue.OLDEST_FIRST
            : PendingQueue.PRIORITY;
    String pq = "pending-queue:order=" + other.id();
    out.add(strategy(pq, pq, "scheduling"));
    List<String> stack = macroStack(sc);
    if (stack.isEmpty()) {
      out.add(
          new Candidate(
              "scheduling-hints",
              "scheduling",
              s -> {
                throw new IllegalArgumentException("no proc-macro stack in the build");
              }));
    } else {
      out.add(
          strategy(
              "scheduling-hints ×10 on the proc-macro stack (" + stack.size() + " crates)",
              "scheduling-hints:crates=" + String.join(";", stack),
              "scheduling"));
    }
    Mode mode = sc.build().mode();
    // the linker in effect: for crates given in seconds, their rustc's default (rust-lld from 1.90)
    boolean sized = sc.crates().stream().anyMatch(CrateSpec::sizeBased);
    String linker =
        (sized ? sc.profile().sizedLinker() : sc.profile().timedLinker(sc.build().cargo())).id();
    for (String l : List.of("ld", "lld", "mold")) {
      if (!l.equals(linker)) {
        out.add(profile("profile.linker", l));
      }
    }
    if (sc.profile().frontendThreads() == 1) {
      out.add(profile("profile.frontend_threads", Integer.toString(Math.min(8, Math.max(2, j)))));
    }
    if (mode == Mode.DEBUG) {
      int d = sc.profile().debuginfoFor(mode);
      for (int level = d - 1; level >= 0; level--) {
        out.add(profile("profile.debuginfo", Integer.toString(level)));
      }
    }
    if (mode == Mode.RELEASE) {
      if (!(sc.profile().ltoFor(mode) instanceof Lto.Off)) {
        out.add(profile("profile.lto", "off"));
      }
      if (!sc.profile().codegenUnits().equals(Optional.of(256))) {
        out.add(profile("profile.codegen_units", "256"));
      }
    }
    if (sc.profile().hostDebuginfoFor(mode, sc.build().cargo()) > 0) {
      out.add(strategy("build-override:debug=0", "build-override:debug=0", "profile"));
    }
    String longest = longestOnCriticalPath(sc, baseline);
    if (longest != null) {
      out.add(
          new Candidate(
              "split " + longest + " into " + SPLIT_PARTS, "split", s -> split(s, longest)));
    } else {
      out.add(
          new Candidate(
              "split",
              "split",
              s -> {
                throw new IllegalArgumentException(
                    "no workspace crate that can be split holds the critical path");
              }));
    }
    return out;
  }

  /** A strategy spec switched on; one that cannot apply to the build says why. */
  private static Candidate strategy(String change, String spec, String family) {
    return new Candidate(
        change,
        family,
        s -> {
          Scenario v = Strategies.enable(s, spec);
          Strategies.whyNot(v)
              .ifPresent(
                  why -> {
                    throw new IllegalArgumentException(why);
                  });
          return v;
        });
  }

  private static Candidate profile(String key, String value) {
    return new Candidate(
        key + "=" + value, "profile", s -> ScenarioOverrides.applyOne(s, key, value));
  }

  /** The proc macros and the macro stack's crates present in the build, in declaration order. */
  static List<String> macroStack(Scenario sc) {
    List<String> out = new ArrayList<>();
    for (CrateSpec c : sc.crates()) {
      if (c.kind() == CrateKind.PROC_MACRO || MACRO_STACK.contains(c.name())) {
        out.add(c.name());
      }
    }
    return out;
  }

  /**
   * The crate whose units spend the most time on the simulated critical path of {@code r}, or null
   * when the path holds no work.
   */
  static String longestOnCriticalPath(Scenario sc, BuildResult r) {
    Map<String, Long> held = new LinkedHashMap<>();
    // a user can split only their own crates (the workspace), and rustc cannot split a proc macro
    Set<String> crates = new LinkedHashSet<>();
    Set<String> ws = Fingerprints.workspace(sc);
    sc.crates().stream()
        .filter(c -> ws.contains(c.name()) && c.kind() != CrateKind.PROC_MACRO)
        .forEach(c -> crates.add(c.name()));
    for (ChainLink l : r.criticalChain()) {
      if (l.unit() < 0) {
        continue;
      }
      UnitData u = r.units().get(l.unit());
      String crate = u.unit().name();
      if (crates.contains(crate)) {
        held.merge(crate, l.toNanos() - l.fromNanos(), Long::sum);
      }
    }
    String best = null;
    long most = 0;
    for (var e : held.entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }

  /**
   * {@code crate} split in {@link #SPLIT_PARTS}: the build's workspace and edits follow the parts
   * (an edit of the crate lands in part 1, which the others depend on).
   */
  static Scenario split(Scenario s, String crate) {
    return SplitMerge.split(
        s, crate, SPLIT_PARTS, SplitMerge.Shape.WIDE, SplitMerge.Options.defaults());
  }
}
