package org.cratesim.cargo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cratesim.cost.CostModel;
import org.cratesim.engine.RandomStreams;
import org.cratesim.model.BuildScriptSpec;
import org.cratesim.model.CostRates;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Mode;
import org.cratesim.model.Phases;
import org.cratesim.model.ProfileSettings;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.cratesim.model.TargetKind;
import org.cratesim.model.UnitWork;
import org.cratesim.strategy.BuildStrategy;
import org.cratesim.strategy.Strategies;
import org.cratesim.strategy.StrategyContext;
import org.cratesim.strategy.UnitFacts;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Derives cargo's units and edges from a scenario's crates.
 *
 * <p>Rules, after cargo's {@code unit_dependencies.rs} and {@code JobQueue::enqueue}:
 *
 * <ul>
 *   <li>A lib, proc-macro or bin crate gives one unit; a crate with a build script gives two more:
 *       compile the script (a host binary) and run it ({@code RunCustomBuild}); the crate's own
 *       unit waits for the run to finish.
 *   <li>{@code only_requires_rmeta}: a lib built in Build mode waits only for the {@code .rmeta} of
 *       a lib dependency built in Build mode (pipelining); every other edge waits for the full
 *       output.
 *   <li>A unit that {@code requires_upstream_objects} (bin, proc-macro, build-script compile) waits
 *       for the full output of <em>every transitive</em> dependency ({@code
 *       depend_on_deps_of_deps}); the graph keeps only the direct edges and {@link DependencyQueue}
 *       applies the transitive rule.
 *   <li>In check mode, libs and bins needed by the target stop after the front end (mode Check);
 *       proc macros, everything they or build scripts need, and build scripts are still fully built
 *       (mode Build, host). A crate needed by both sides gets both units, as in cargo. In debug and
 *       release a crate needed by both gets one unit (cargo unifies host and target units when no
 *       {@code --target} is given and their profiles agree).
 *   <li>Units built for the host only (proc macros, build-script compiles, what only they need; in
 *       check mode every unit of a crate given in seconds built in full) take cargo's
 *       build-override profile ({@code [profile.build-override]}: opt-level, debug, codegen-units;
 *       cargo's {@code Profiles::get_profile} for a unit {@code for_host}). A crate shared by host
 *       and target keeps the profile's settings, as cargo does for debuginfo from 1.69 (PR #11252)
 *       so that it is built once. Simplification: in release (or with a build-override that changes
 *       opt-level or codegen-units) cargo's host-side unit of a shared crate has other settings
 *       than its target-side unit, and cargo builds that crate twice; cratesim builds it once, with
 *       the profile's settings.
 * </ul>
 *
 * Unit indices follow a topological order of the crates with ties broken by declaration order, so
 * the same scenario always yields the same graph.
 */
public final class UnitGraphBuilder {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private UnitGraphBuilder() {}

  /** Builds the unit graph; the scenario must be valid (known deps, no cycles). */
  public static UnitGraph build(Scenario original) {
    // strategies first change the graph (e.g. WASM macros replace macro crates by shims)
    List<BuildStrategy> strategies = Strategies.active(original);
    StrategyContext ctx =
        new StrategyContext(
            original, new HashSet<>(), new RandomStreams(STRATEGY_SEED, 0).stream("strategies"));
    Scenario scenario = original;
    for (BuildStrategy st : strategies) {
      scenario = st.prepare(scenario, ctx);
    }
    Mode mode = scenario.build().mode();
    Map<String, CrateSpec> byName = new LinkedHashMap<>();
    Map<String, Integer> declared = new HashMap<>();
    for (CrateSpec c : scenario.crates()) {
      if (byName.put(c.name(), c) != null) {
        throw new IllegalArgumentException("duplicate crate '" + c.name() + "'");
      }
      declared.put(c.name(), declared.size());
    }
    for (CrateSpec c : scenario.crates()) {
      for (String d : allDeps(c)) {
        if (!byName.containsKey(d)) {
          throw new IllegalArgumentException(
              "crate '" + c.name() + "' depends on unknown crate '" + d + "'");
        }
      }
    }
    List<CrateSpec> order = topologicalOrder(scenario.crates(), byName, declared);
    Set<String> host = hostSide(scenario.crates(), byName);
    Set<String> target = targetSide(scenario.crates(), byName);

    CostModel costs = new CostModel(scenario);
    // a host unit given in seconds: its codegen and link as measured, scaled for a build-override
    // other than the one it was measured under (debuginfo: both; opt-level: its codegen)
    double hostDebuginfo = costs.hostDebuginfoScale();
    double targetDebuginfo = costs.targetDebuginfoScale();
    double hostCodegen = hostDebuginfo * costs.hostOptScale();
    ProfileSettings profile = scenario.profile();
    List<Unit> units = new ArrayList<>();
    Map<String, Integer> hostUnit = new HashMap<>(); // crate -> unit in Build mode
    Map<String, Integer> checkUnit = new HashMap<>(); // crate -> unit in Check mode
    Map<String, Integer> runUnit = new HashMap<>(); // crate -> build-script run unit
    List<Map<Integer, Artifact>> edges = new ArrayList<>();

    for (CrateSpec c : order) {
      if (c.buildScript().isPresent()) {
        var bs = c.buildScript().get();
        Map<Integer, Artifact> compileDeps = new LinkedHashMap<>();
        for (String d : bs.deps()) {
          compileDeps.put(buildUnitOf(d, hostUnit, checkUnit), Artifact.ALL);
        }
        int compile =
            add(
                units,
                edges,
                c,
                TargetKind.BUILD_SCRIPT_COMPILE,
                CompileMode.BUILD,
                hostScaled(
                    timedWork(
                        bs.compile(), profile.hostCodegenUnits(bs.compile().codegenUnitsFor(mode))),
                    hostCodegen,
                    hostDebuginfo),
                compileDeps);
        Map<Integer, Artifact> runDeps = new LinkedHashMap<>();
        runDeps.put(compile, Artifact.ALL);
        double parallel = bs.runS() * bs.runParallelShare();
        Phases run =
            new Phases(
                bs.runS() - parallel, parallel, parallel > 0 ? BuildScriptSpec.RUN_JOBS : 1, 0);
        runUnit.put(
            c.name(),
            add(
                units,
                edges,
                c,
                TargetKind.BUILD_SCRIPT_RUN,
                CompileMode.RUN_CUSTOM_BUILD,
                timedWork(run, run.codegenUnitsFor(mode)),
                runDeps));
      }
      TargetKind kind = TargetKind.of(c.kind());
      boolean forHost =
          c.builtFor().isEmpty()
              ? host.contains(c.name())
              : c.builtFor().contains(CrateSpec.Side.HOST);
      boolean forTarget =
          c.builtFor().isEmpty()
              ? target.contains(c.name())
              : c.builtFor().contains(CrateSpec.Side.TARGET);
      boolean needBuild = c.kind() == CrateKind.PROC_MACRO || mode != Mode.CHECK || forHost;
      boolean needCheck = mode == Mode.CHECK && c.kind() != CrateKind.PROC_MACRO && forTarget;
      // host-only crates (proc macros and what only they and build scripts need) use
      // cargo's build-override profile
      boolean hostOnly =
          c.kind() == CrateKind.PROC_MACRO || host.contains(c.name()) && !target.contains(c.name());
      // a crate given in seconds in check mode: every unit built in full is for the host (its
      // target side is a separate check unit)
      boolean timedHost =
          !c.sizeBased() && (hostOnly || mode == Mode.CHECK && c.kind() != CrateKind.BIN);
      // the profile's codegen-units, else the crate's. Known departures from cargo's for_host,
      // kept so that builds without a build-override do not move: a host unit given in seconds
      // takes the profile's codegen-units too (cargo resets them), and in check mode the host
      // unit of a crate described by size and shared with the target side keeps the profile's
      // settings (cargo builds it for the host: build-override, no debuginfo from 1.69)
      int cgus = profile.codegenUnits().orElse(c.phases().codegenUnitsFor(mode));
      if (needBuild) {
        Map<Integer, Artifact> deps =
            unitDeps(c, kind, CompileMode.BUILD, units, hostUnit, checkUnit, runUnit);
        // host units: the build-override's codegen-units, else 256 for crates described by size
        // (cargo's documented build-override default; rustc's own default when cargo passes none
        // is 16 without incremental) and what was measured for crates given in seconds
        UnitWork work =
            c.sizeBased()
                ? sizedWork(
                    costs.cost(c, hostOnly, hostOnly ? profile.hostCodegenUnits(256) : cgus), false)
                : timedWork(
                    c.phases(),
                    timedHost ? profile.hostCodegenUnits(cgus) : cgus,
                    costs.adjustTimed(c, hostOnly));
        if (timedHost) {
          // built for the host only: cargo's build-override (check: every built unit)
          work = hostScaled(work, hostCodegen, hostDebuginfo);
        } else if (!c.sizeBased()) {
          // a target unit given in seconds under a debuginfo other than the measured profile's
          work = hostScaled(work, targetDebuginfo, targetDebuginfo);
        }
        hostUnit.put(c.name(), add(units, edges, c, kind, CompileMode.BUILD, work, deps));
      }
      if (needCheck) {
        Map<Integer, Artifact> deps =
            unitDeps(c, kind, CompileMode.CHECK, units, hostUnit, checkUnit, runUnit);
        UnitWork work =
            c.sizeBased()
                ? sizedWork(costs.cost(c, false, 1), true)
                : timedWork(new Phases(c.phases().frontendS(), 0, 1, 0), 1);
        checkUnit.put(c.name(), add(units, edges, c, kind, CompileMode.CHECK, work, deps));
      }
    }
    // JobQueue::enqueue's synthetic All edges to every transitive dependency of a unit that
    // requires upstream objects (depend_on_deps_of_deps) are not materialised: that would be
    // quadratic in memory on large graphs. DependencyQueue implements the same rule
    // incrementally (see DependencyQueue#finish).
    // what this build recompiles: fresh units do no work, incremental ones part of it; then
    // each strategy adjusts each unit
    Fingerprints plan = new Fingerprints(scenario);
    boolean rebuild = scenario.rebuild().kind() != Rebuild.Kind.CLEAN;
    for (int i = 0; i < units.size() && (rebuild || !strategies.isEmpty()); i++) {
      Unit clean = units.get(i);
      CrateSpec c = byName.get(clean.name());
      Map<String, Long> byMacro = expansionByMacro(c, clean, scenario, costs, byName);
      long expansion = byMacro.values().stream().mapToLong(Long::longValue).sum();
      if (c.sizeBased()) {
        expansion = nanos(costs.cost(c, false, 1).expandS());
      } else if (byMacro.isEmpty()) {
        expansion =
            Math.round(clean.work().frontendNanos() * scenario.rebuild().plainExpansionShare());
      }
      Fingerprints.State state = plan.state(c.name());
      Unit u = plan.apply(clean, state, expansion);
      if (!strategies.isEmpty()) {
        boolean rebuilt = u.work().totalNanos() > 0;
        boolean incremental =
            rebuilt
                && (state == Fingerprints.State.EDITED || state == Fingerprints.State.DEPENDENT);
        double scale = rebuild ? plan.frontendScale(clean) : 1;
        if (scale < 1) {
          // a bin given in seconds: only the expansion in its (capped) front end
          Map<String, Long> scaled = new java.util.TreeMap<>();
          byMacro.forEach((m, ns) -> scaled.put(m, Math.round(ns * scale)));
          byMacro = scaled;
        }
        UnitFacts facts =
            new UnitFacts(
                c,
                u.kind(),
                rebuilt,
                incremental,
                state == Fingerprints.State.EDITED,
                byMacro,
                invocations(c, byMacro, scenario.costs()));
        UnitWork w = u.work();
        for (BuildStrategy st : strategies) {
          w = st.adjust(w, facts, ctx);
        }
        u = u.withWork(w);
      }
      units.set(i, u);
    }
    List<List<UnitDep>> deps = new ArrayList<>(units.size());
    for (Map<Integer, Artifact> e : edges) {
      List<UnitDep> list = new ArrayList<>(e.size());
      e.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(x -> list.add(new UnitDep(x.getKey(), x.getValue())));
      deps.add(list);
    }
    return new UnitGraph(units, deps);
  }

  private static Map<Integer, Artifact> unitDeps(
      CrateSpec c,
      TargetKind kind,
      CompileMode unitMode,
      List<Unit> units,
      Map<String, Integer> hostUnit,
      Map<String, Integer> checkUnit,
      Map<String, Integer> runUnit) {
    Map<Integer, Artifact> deps = new LinkedHashMap<>();
    Integer run = runUnit.get(c.name());
    if (run != null) {
      deps.put(run, Artifact.ALL);
    }
    for (String d : c.deps()) {
      int du;
      if (unitMode == CompileMode.CHECK && checkUnit.containsKey(d)) {
        du = checkUnit.get(d);
      } else {
        du = buildUnitOf(d, hostUnit, checkUnit);
      }
      Unit dep = units.get(du);
      boolean onlyRmeta =
          !kind.requiresUpstreamObjects()
              && unitMode == CompileMode.BUILD
              && !dep.requiresUpstreamObjects()
              && dep.mode() == CompileMode.BUILD;
      deps.merge(
          du,
          onlyRmeta ? Artifact.METADATA : Artifact.ALL,
          (a, b) -> a == Artifact.ALL || b == Artifact.ALL ? Artifact.ALL : Artifact.METADATA);
    }
    return deps;
  }

  private static int buildUnitOf(
      String crate, Map<String, Integer> hostUnit, Map<String, Integer> checkUnit) {
    Integer u = hostUnit.get(crate);
    if (u == null) {
      u = checkUnit.get(crate);
    }
    if (u == null) {
      throw new IllegalStateException("no unit for dependency '" + crate + "'");
    }
    return u;
  }

  private static int add(
      List<Unit> units,
      List<Map<Integer, Artifact>> edges,
      CrateSpec c,
      TargetKind kind,
      CompileMode unitMode,
      UnitWork work,
      Map<Integer, Artifact> deps) {
    int index = units.size();
    units.add(new Unit(index, c.name(), c.version(), kind, unitMode, work));
    edges.add(deps);
    return index;
  }

  /** The work of phases given in seconds, split into {@code cgus}. */
  private static UnitWork timedWork(Phases p, int cgus) {
    return UnitWork.of(nanos(p.frontendS()), nanos(p.codegenS()), cgus, nanos(p.linkS()));
  }

  /** A crate given in seconds, with the profile's linker and LTO applied. */
  private static UnitWork timedWork(Phases p, int cgus, CostModel.TimedAdjustment adj) {
    if (adj.ltoS() == 0
        && adj.parallelCodegenFactor() == 1
        && adj.linkS() == p.linkS()
        && adj.codegenDeltaS() == 0) {
      return timedWork(p, cgus);
    }
    return new UnitWork(
        nanos(p.frontendS()),
        nanos(p.codegenS() + adj.codegenDeltaS()),
        cgus,
        nanos(adj.linkS()),
        -1,
        adj.ltoS() > 0 ? nanos(adj.ltoS()) : -1,
        adj.parallelCodegenFactor());
  }

  /**
   * A host unit given in seconds with its codegen scaled by {@code codegen} (debuginfo and
   * opt-level) and its link by {@code link} (debuginfo).
   */
  private static UnitWork hostScaled(UnitWork w, double codegen, double link) {
    if (codegen == 1 && link == 1) {
      return w;
    }
    return new UnitWork(
        w.frontendNanos(),
        Math.round(w.codegenNanos() * codegen),
        w.codegenUnits(),
        Math.round(w.linkNanos() * link),
        w.codegenSerialNanos(),
        w.ltoNanos(),
        w.parallelCodegenFactor());
  }

  /** A size-described crate: the cost model gives its phases (a check unit: the front end). */
  private static UnitWork sizedWork(CostModel.UnitCost cost, boolean check) {
    return check
        ? new UnitWork(nanos(cost.frontendS()), 0, 1, 0, -1, -1, 1.0)
        : new UnitWork(
            nanos(cost.frontendS()),
            nanos(cost.codegenS()),
            cost.cgus(),
            nanos(cost.linkS()),
            nanos(cost.codegenSerialS()),
            nanos(cost.ltoS()),
            1.0);
  }

  /** The seed of the strategies' random stream (the shared cache's hits). */
  static final long STRATEGY_SEED = 1;

  /**
   * Per proc-macro crate, the part of a unit's front end spent expanding its invocations: from the
   * crate's size (invocations x costs.expand_per_invocation_s), or for a crate given in seconds,
   * the expansion share of its front end split over the proc macros it uses.
   */
  private static Map<String, Long> expansionByMacro(
      CrateSpec c, Unit clean, Scenario sc, CostModel costs, Map<String, CrateSpec> byName) {
    Map<String, Long> out = new java.util.TreeMap<>();
    if (clean.kind() == TargetKind.BUILD_SCRIPT_RUN
        || clean.kind() == TargetKind.BUILD_SCRIPT_COMPILE) {
      return out;
    }
    if (c.sizeBased()) {
      double per = sc.costs().get("expand_per_invocation_s");
      c.size().get().macroInvocations().forEach((m, n) -> out.put(m, nanos(n * per)));
      return out;
    }
    List<String> macros = macrosUsed(c, byName);
    if (!macros.isEmpty()) {
      long share =
          Math.round(clean.work().frontendNanos() * sc.rebuild().expansionShare() / macros.size());
      macros.forEach(m -> out.put(m, share));
    }
    return out;
  }

  /**
   * The proc macros a crate given in seconds invokes: its proc-macro dependencies, and those it
   * reaches through a facade that re-exports them (a crate deriving Serialize depends on serde with
   * its "derive" feature, and serde on serde_derive), not the facade's own dependency on its macro
   * crate.
   */
  static List<String> macrosUsed(CrateSpec c, Map<String, CrateSpec> byName) {
    TreeSet<String> out = new TreeSet<>();
    for (String d : c.deps()) {
      CrateSpec dep = byName.get(d);
      if (dep.kind() == CrateKind.PROC_MACRO) {
        if (!facadeOf(c.name(), d)) {
          out.add(d);
        }
        continue;
      }
      for (String m : dep.deps()) {
        if (byName.get(m).kind() == CrateKind.PROC_MACRO && facadeOf(d, m)) {
          out.add(m);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Whether {@code crate} is the facade that re-exports its own macro crate (serde and
   * serde_derive, tokio and tokio-macros, thiserror and thiserror-impl, clap and clap_derive): it
   * depends on the macro without invoking it.
   */
  static boolean facadeOf(String crate, String macro) {
    return macro.length() > crate.length() + 1
        && macro.startsWith(crate)
        && (macro.charAt(crate.length()) == '_' || macro.charAt(crate.length()) == '-');
  }

  /** Invocations per macro: given by the size, else estimated from the expansion time. */
  private static Map<String, Long> invocations(
      CrateSpec c, Map<String, Long> byMacro, CostRates rates) {
    if (c.sizeBased()) {
      return c.size().get().macroInvocations();
    }
    double per = Math.max(1e-9, rates.get("expand_per_invocation_s"));
    Map<String, Long> out = new java.util.TreeMap<>();
    byMacro.forEach((m, ns) -> out.put(m, Math.round(ns / 1e9 / per)));
    return out;
  }

  static long nanos(double seconds) {
    return Math.round(seconds * NANOS_PER_SECOND);
  }

  private static List<String> allDeps(CrateSpec c) {
    List<String> all = new ArrayList<>(c.deps());
    c.buildScript().ifPresent(bs -> all.addAll(bs.deps()));
    return all;
  }

  /** Crates built for the host: proc macros, build-dependencies and all they need. */
  private static Set<String> hostSide(List<CrateSpec> crates, Map<String, CrateSpec> byName) {
    Deque<String> todo = new ArrayDeque<>();
    for (CrateSpec c : crates) {
      if (c.kind() == CrateKind.PROC_MACRO) {
        todo.add(c.name());
      }
      c.buildScript().ifPresent(bs -> todo.addAll(bs.deps()));
    }
    return closure(todo, byName, false);
  }

  /**
   * Crates built for the target: the roots (crates nothing depends on) and what they need, not
   * crossing into proc macros (whose dependencies are host-side).
   */
  private static Set<String> targetSide(List<CrateSpec> crates, Map<String, CrateSpec> byName) {
    Set<String> depended = new HashSet<>();
    for (CrateSpec c : crates) {
      depended.addAll(allDeps(c));
    }
    Deque<String> todo = new ArrayDeque<>();
    for (CrateSpec c : crates) {
      if (!depended.contains(c.name()) && c.kind() != CrateKind.PROC_MACRO) {
        todo.add(c.name());
      }
    }
    return closure(todo, byName, true);
  }

  private static Set<String> closure(
      Deque<String> todo, Map<String, CrateSpec> byName, boolean stopAtProcMacros) {
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String n = todo.pop();
      CrateSpec c = byName.get(n);
      if (stopAtProcMacros && c.kind() == CrateKind.PROC_MACRO) {
        continue;
      }
      if (seen.add(n)) {
        todo.addAll(c.deps());
      }
    }
    return seen;
  }

  private static List<CrateSpec> topologicalOrder(
      List<CrateSpec> crates, Map<String, CrateSpec> byName, Map<String, Integer> declared) {
    Graph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
    for (CrateSpec c : crates) {
      g.addVertex(c.name());
    }
    for (CrateSpec c : crates) {
      for (String d : allDeps(c)) {
        if (d.equals(c.name())) {
          throw new IllegalArgumentException("crate '" + d + "' depends on itself");
        }
        if (!g.containsEdge(d, c.name())) {
          g.addEdge(d, c.name());
        }
      }
    }
    List<CrateSpec> order = new ArrayList<>(crates.size());
    var it = new TopologicalOrderIterator<>(g, Comparator.comparing(declared::get));
    while (it.hasNext()) {
      order.add(byName.get(it.next()));
    }
    if (order.size() != crates.size()) {
      throw new IllegalArgumentException("the crate graph has a cycle");
    }
    return order;
  }
}
