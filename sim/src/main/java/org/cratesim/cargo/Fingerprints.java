package org.cratesim.cargo;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.cratesim.model.TargetKind;
import org.cratesim.model.UnitWork;

/**
 * Which crates a build recompiles, and how: cargo's fingerprints (src/compiler/fingerprint/: a unit
 * is fresh or dirty) and rustc's incremental compilation of the dirty ones.
 */
public final class Fingerprints {
  /** What happens to a crate's units. */
  enum State {
    /** Up to date: cargo runs it as a fresh job, no work. */
    FRESH,
    /** Compiled from scratch. */
    FULL,
    /** Incremental compilation of the crate that was edited. */
    EDITED,
    /** Incremental compilation of a crate rebuilt because a dependency changed. */
    DEPENDENT
  }

  private final Map<String, State> states = new HashMap<>();

  /** Crates that depend directly on a crate whose API an edit changed (a signature edit). */
  private final Set<String> apiDependents = new HashSet<>();

  /** Crates given in seconds (not by size): their bins' front end may be a guess. */
  private final Set<String> timed = new HashSet<>();

  /** Bins that depend on a workspace lib: glue over the libs' code. */
  private final Set<String> libBins = new HashSet<>();

  private final Rebuild rebuild;

  Fingerprints(Scenario sc) {
    Rebuild rb = sc.rebuild();
    this.rebuild = rb;
    for (CrateSpec c : sc.crates()) {
      if (!c.sizeBased()) {
        timed.add(c.name());
      }
      for (String d : c.deps()) {
        if (rb.editOf(d).orElse(Rebuild.EditKind.COMMENT) == Rebuild.EditKind.SIGNATURE) {
          apiDependents.add(c.name());
        }
      }
    }
    Set<String> workspace = workspace(sc);
    for (CrateSpec c : sc.crates()) {
      if (c.kind() == CrateKind.BIN && c.deps().stream().anyMatch(workspace::contains)) {
        libBins.add(c.name());
      }
    }
    boolean incremental = rb.incrementalFor(sc.build().mode());
    Set<String> dirty = dirty(sc, rb);
    for (CrateSpec c : sc.crates()) {
      State s;
      switch (rb.kind()) {
        case CLEAN:
          s = State.FULL;
          break;
        case NOOP:
          s = State.FRESH;
          break;
        case WARM:
          s = workspace.contains(c.name()) ? State.FULL : State.FRESH;
          break;
        case INCREMENTAL:
          if (!dirty.contains(c.name())) {
            s = State.FRESH;
          } else if (!workspace.contains(c.name()) || !incremental) {
            s = State.FULL; // registry crates and release builds: no incremental compilation
          } else {
            s = rb.editOf(c.name()).isPresent() ? State.EDITED : State.DEPENDENT;
          }
          break;
        default:
          throw new AssertionError(rb.kind());
      }
      states.put(c.name(), s);
    }
  }

  /**
   * The workspace members: the scenario's {@code [incremental] workspace}, else the crates nothing
   * depends on.
   */
  public static Set<String> workspace(Scenario sc) {
    Set<String> workspace = new HashSet<>(sc.rebuild().workspace());
    if (workspace.isEmpty()) {
      Set<String> depended = new HashSet<>();
      for (CrateSpec c : sc.crates()) {
        depended.addAll(c.deps());
        c.buildScript().ifPresent(bs -> depended.addAll(bs.deps()));
      }
      for (CrateSpec c : sc.crates()) {
        if (!depended.contains(c.name())) {
          workspace.add(c.name());
        }
      }
    }
    return workspace;
  }

  /** The edited crates and everything that depends on them, directly or not. */
  private static Set<String> dirty(Scenario sc, Rebuild rb) {
    Map<String, Set<String>> users = new HashMap<>();
    for (CrateSpec c : sc.crates()) {
      for (String d : c.deps()) {
        users.computeIfAbsent(d, k -> new HashSet<>()).add(c.name());
      }
      c.buildScript()
          .ifPresent(
              bs ->
                  bs.deps()
                      .forEach(d -> users.computeIfAbsent(d, k -> new HashSet<>()).add(c.name())));
    }
    Set<String> dirty = new HashSet<>(rb.editedCrates());
    ArrayDeque<String> todo = new ArrayDeque<>(rb.editedCrates());
    while (!todo.isEmpty()) {
      for (String u : users.getOrDefault(todo.pop(), Set.of())) {
        if (dirty.add(u)) {
          todo.add(u);
        }
      }
    }
    return dirty;
  }

  /**
   * Which units of the build {@code sc} describes cargo runs as fresh jobs: its "Fresh units" on
   * the timings page (src/cargo/core/compiler/timings/report.rs counts a job fresh from its
   * fingerprint, not from how long it took: a clean build has none, however short its build-script
   * runs). A crate not in {@code sc} (a strategy's shim) is dirty.
   */
  public static Predicate<Unit> freshJobs(Scenario sc) {
    Fingerprints f = new Fingerprints(sc);
    return u -> {
      State s = f.state(u.name());
      return s == State.FRESH || s != State.FULL && u.kind().isBuildScript();
    };
  }

  private boolean timedBin(Unit unit) {
    return unit.kind() == TargetKind.BIN
        && unit.mode() == CompileMode.BUILD
        && timed.contains(unit.name());
  }

  /**
   * A bin given in seconds has no .rmeta: its front end is at most bin_frontend_share of its
   * compile time (lib_bin_frontend_share over workspace libs).
   */
  private long binFrontendCap(Unit unit) {
    UnitWork u = unit.work();
    double share =
        libBins.contains(unit.name()) ? rebuild.libBinFrontendShare() : rebuild.binFrontendShare();
    return Math.round((u.frontendNanos() + u.codegenNanos()) * share);
  }

  /**
   * The share of a unit's imported front end that is its front end in a rebuild: below 1 for a bin
   * given in seconds whose page split overstates its front end (see {@link #binFrontendCap}); the
   * part of its macro expansion a strategy can change scales with it.
   */
  double frontendScale(Unit unit) {
    long fe = unit.work().frontendNanos();
    if (!timedBin(unit) || fe == 0) {
      return 1;
    }
    long cap = binFrontendCap(unit);
    return fe > cap ? (double) cap / fe : 1;
  }

  State state(String crate) {
    return states.getOrDefault(crate, State.FULL);
  }

  /**
   * A unit's costs in this build. {@code expansionNanos}: the part of its front end that is macro
   * expansion, redone by every incremental build. An incrementally rebuilt crate redoes its
   * expansion, {@code overhead_s}, a share of the rest of its front end and a share of its CGUs
   * (rustc_incremental: red queries re-executed, green ones loaded; CGUs whose content hash is
   * unchanged reused by find_cgu_reuse), and links from scratch. The shares grow with the edit: see
   * {@link Rebuild}.
   */
  Unit apply(Unit unit, State s, long expansionNanos) {
    Rebuild rb = rebuild;
    if (s == State.FULL) {
      return unit;
    }
    UnitWork u = unit.work();
    if (s == State.FRESH || unit.kind().isBuildScript()) {
      // fresh, or a build script whose inputs did not change
      return unit.withWork(u.fresh());
    }
    Rebuild.EditKind edit =
        s == State.EDITED ? rb.editOf(unit.name()).orElseThrow() : Rebuild.EditKind.COMMENT;
    // in a check build the front end is the whole build: an edited crate redoes more of it
    double items =
        s == State.EDITED
            ? (unit.mode() == CompileMode.CHECK ? rb.checkItemsShare() : rb.itemsShare())
            : rb.dependentItemsShare();
    double cgus = s == State.EDITED ? rb.cguShare() : rb.dependentCguShare();
    if (edit != Rebuild.EditKind.COMMENT) {
      cgus += rb.bodyCguShare();
    }
    if (edit == Rebuild.EditKind.SIGNATURE || apiDependents.contains(unit.name())) {
      items += rb.signatureShare();
    }
    items = Math.min(1, items);
    cgus = Math.min(1, cgus);
    long fe = u.frontendNanos();
    long cg = u.codegenNanos();
    long expansion = Math.min(fe, expansionNanos);
    boolean timedBin = timedBin(unit);
    if (timedBin) {
      long cap = binFrontendCap(unit);
      if (fe > cap) {
        expansion = fe == 0 ? 0 : Math.round(expansion * (double) cap / fe);
        cg += fe - cap;
        fe = cap;
      }
    }
    long link = u.linkNanos();
    if (link == 0 && timedBin) {
      // the link, folded into an imported bin's codegen, is redone in full
      link = Math.min(cg, Math.round(rb.binLinkS() * 1e9));
      cg -= link;
    }
    long frontend =
        expansion + Math.round(rb.overheadS() * 1e9) + Math.round((fe - expansion) * items);
    long codegen = Math.round(cg * cgus);
    // the few CGUs re-generated run one after the other: rustc's main thread translates each
    // before an LLVM worker can take it (rustc_codegen_ssa::back::write), and their reuse checks
    // and copies are serial too (own-2core: rebuilds at -j2 are no faster than at -j1, mono
    // 2.58 vs 2.33 s, cli 0.21 vs 0.23 s)
    long serial = codegen;
    long lto = u.ltoNanos() < 0 ? (cgus == 0 ? 0 : -1) : Math.round(u.ltoNanos() * cgus);
    // the link is always from scratch
    return unit.withWork(
        new UnitWork(
            frontend, codegen, u.codegenUnits(), link, serial, lto, u.parallelCodegenFactor()));
  }
}
