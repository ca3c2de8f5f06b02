package org.cratesim.importer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cratesim.model.BuildScriptSpec;
import org.cratesim.model.BuildSettings;
import org.cratesim.model.CargoVersion;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Mode;
import org.cratesim.model.Phases;
import org.cratesim.model.Scenario;
import org.cratesim.model.SchedulingPolicy;
import org.cratesim.timings.CargoMetadata;
import org.cratesim.timings.PageUnit;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.UnitGraphFile;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * Turns a cargo {@code --timings} page into a scenario.
 *
 * <ul>
 *   <li>Units are grouped by package (name, version): the lib (or proc macro) and its check-mode
 *       twin become one crate, a bin another, build-script compile and run the crate's {@code
 *       build_script}.
 *   <li>Phases: front end = the unit's {@code .rmeta} time (cargo 1.60 {@code rmeta_time}, or the
 *       end of cargo 1.95's {@code frontend} section); codegen = the rest. Units without {@code
 *       .rmeta} (proc macros, build-script compiles, bins) are split by the calibrated front-end
 *       share of their kind, measured on this dataset (proc macros ≈ 0.45, build scripts ≈ 0.65:
 *       the share of their duration that did not shrink with more threads).
 *   <li>Edges: a page lists, per unit, the units that became ready when it finished or emitted
 *       {@code .rmeta}: only the edge satisfied last, not the whole graph. Those become
 *       dependencies. With {@code --graph}, the complete {@code --unit-graph} replaces them.
 *   <li>{@code startup_s} is the first unit's start; {@code jobs} and the mode come from the page.
 * </ul>
 */
public final class TimingsImporter {
  /** A build-script run this long or longer is taken to compile foreign code in parallel. */
  static final double LONG_SCRIPT_RUN_S = 1.0;

  private TimingsImporter() {}

  /** The cargo release that wrote a page: its rustc version (they ship together), else 1.95. */
  public static CargoVersion cargoOf(TimingsPage page) {
    try {
      return page.rustc() == null ? CargoVersion.DEFAULT : CargoVersion.parse(page.rustc());
    } catch (IllegalArgumentException e) {
      return CargoVersion.DEFAULT;
    }
  }

  /** The mode of the build a page recorded. */
  public static Mode modeOf(TimingsPage page) {
    for (PageUnit u : page.units()) {
      if (u.isCheck()) {
        return Mode.CHECK;
      }
    }
    String p = page.profile() == null ? "" : page.profile().toLowerCase(java.util.Locale.ROOT);
    return p.contains("release") || p.contains("opt") || p.equals("bench")
        ? Mode.RELEASE
        : Mode.DEBUG;
  }

  /** Imports a page with a calibration's split shares and model parameters. */
  public static Scenario toScenario(TimingsPage page, Calibration cal) {
    return toScenario(page, cal, Optional.empty());
  }

  /** As {@link #toScenario(TimingsPage, Calibration)}, with a full unit graph when given. */
  public static Scenario toScenario(
      TimingsPage page, Calibration cal, Optional<UnitGraphFile> graph) {
    return toScenario(page, cal, graph, EdgeKnowledge.none());
  }

  /**
   * Imports a page; edges come from the full unit graph when given, else from the page's own
   * unblocked lists plus the edges {@code known} pooled from other pages for the packages present.
   */
  public static Scenario toScenario(
      TimingsPage page, Calibration cal, Optional<UnitGraphFile> graph, EdgeKnowledge known) {
    return toScenario(page, cal, graph, Optional.empty(), known);
  }

  /** What a page alone cannot show, for the warning commands print when nothing else is given. */
  public static final String PAGE_ONLY_WARNING =
      "warning: a timing page lists only the dependency each unit waited for last: what-ifs"
          + " (strategies, warm and incremental builds) depend on edges it cannot show; give"
          + " --metadata FILE (cargo metadata --format-version 1) or --graph FILE";

  /** How the workspace of a page imported alone was found, for the warning. */
  public static String workspaceRule(TimingsPage page, Scenario sc) {
    return sc.rebuild().workspace().isEmpty()
        ? "the workspace is taken to be the crates nothing depends on"
        : "the workspace is the page's Targets row: " + String.join(", ", page.targets());
  }

  /**
   * Imports a page. Edges: the full unit graph when given; else, with {@code cargo metadata}, every
   * package edge by cargo's unit rules (a lib's normal dependencies, a build script's
   * build-dependencies; dev-dependencies and packages the page did not build left out); else the
   * page's own unblocked lists plus the edges {@code known} pooled from other pages. The workspace
   * (what a warm build rebuilds) is the metadata's members, else the unit graph's path packages,
   * else left to the default rule (the crates nothing depends on). A graph or metadata of another
   * build (a package of the page missing in it) is an {@link ImportMismatch}.
   */
  public static Scenario toScenario(
      TimingsPage page,
      Calibration cal,
      Optional<UnitGraphFile> graph,
      Optional<CargoMetadata> metadata,
      EdgeKnowledge known) {
    Mode mode = modeOf(page);
    Map<String, Pkg> pkgs = new LinkedHashMap<>();
    List<PageUnit> byStart = new ArrayList<>(page.units());
    for (PageUnit u : byStart) {
      pkgs.computeIfAbsent(u.name() + " " + u.version(), k -> new Pkg(u.name(), u.version()))
          .add(u);
    }
    assignCrateNames(pkgs.values());
    Map<Integer, Pkg> pkgOfUnit = new HashMap<>();
    for (Pkg p : pkgs.values()) {
      for (PageUnit u : p.units) {
        pkgOfUnit.put(u.i(), p);
      }
    }
    DirectedAcyclicGraph<String, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
    for (Pkg p : pkgs.values()) {
      p.crateNames().forEach(dag::addVertex);
    }
    List<String> workspace = new ArrayList<>();
    if (graph.isPresent()) {
      checkGraph(graph.get(), pkgs);
      edgesFromUnitGraph(graph.get(), pkgs, dag);
      for (UnitGraphFile.Node n : graph.get().units()) {
        Pkg p = pkgs.get(n.name() + " " + n.version());
        if (p != null && n.pkgId().startsWith("path+")) {
          p.crateNames().stream().filter(c -> !workspace.contains(c)).forEach(workspace::add);
        }
      }
    }
    if (metadata.isPresent()) {
      Map<String, Pkg> byId = matchMetadata(metadata.get(), pkgs);
      for (Map.Entry<String, Pkg> e : byId.entrySet()) {
        e.getValue().procMacro = metadata.get().byId(e.getKey()).orElseThrow().isProcMacro();
      }
      if (graph.isEmpty()) {
        edgesFromMetadata(metadata.get(), byId, dag);
      }
      workspace.clear();
      for (String member : metadata.get().workspaceMembers()) {
        Pkg p = byId.get(member);
        if (p != null) {
          workspace.addAll(p.crateNames());
        }
      }
    } else if (graph.isEmpty()) {
      edgesFromPage(page, pkgOfUnit, dag);
      edgesFromKnowledge(pkgs, known, dag);
      // the page's own Targets row (HTML pages) names the packages cargo was asked to build
      for (Pkg p : pkgs.values()) {
        if (page.targets().contains(p.name)) {
          workspace.addAll(p.crateNames());
        }
      }
    }

    boolean parallelCc = pkgs.values().stream().anyMatch(p -> p.name.equals("jobserver"));
    double binShare = binFrontendShare(page, cal);
    List<CrateSpec> crates = new ArrayList<>();
    for (Pkg p : pkgs.values()) {
      crates.addAll(p.toCrates(mode, cal, dag, parallelCc, binShare));
    }
    double startup = page.units().stream().mapToDouble(PageUnit::start).min().orElse(0);
    // the cargo that wrote the page decides the rules (pending-queue order, build-override)
    BuildSettings build =
        new BuildSettings(page.jobs(), mode, round(startup), new SchedulingPolicy.CargoDefault())
            .withCargo(cargoOf(page));
    String name = page.source().replaceAll("\\.(html|json)$", "").replace(".timings", "");
    Scenario sc = new Scenario(name, page.source(), build, cal.machine(), cal.rustc(), crates);
    return workspace.isEmpty() ? sc : sc.withRebuild(sc.rebuild().withWorkspace(workspace));
  }

  /** A graph or metadata file of another build than the page's. */
  public static final class ImportMismatch extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final boolean metadata;

    ImportMismatch(boolean metadata, String message) {
      super(message);
      this.metadata = metadata;
    }

    /** True when the metadata is the mismatched file, false for the unit graph. */
    public boolean metadata() {
      return metadata;
    }
  }

  private static String firstFew(List<String> missing) {
    return String.join(", ", missing.subList(0, Math.min(3, missing.size())))
        + (missing.size() > 3 ? " (and " + (missing.size() - 3) + " more)" : "");
  }

  /** Every package of the page must be in the unit graph. */
  private static void checkGraph(UnitGraphFile g, Map<String, Pkg> pkgs) {
    Set<String> inGraph = new HashSet<>();
    for (UnitGraphFile.Node n : g.units()) {
      inGraph.add(n.name() + " " + n.version());
    }
    List<String> missing = new ArrayList<>();
    for (String k : pkgs.keySet()) {
      if (!inGraph.contains(k)) {
        missing.add(k);
      }
    }
    if (!missing.isEmpty()) {
      throw new ImportMismatch(
          false, "is from another build: packages of the page not in it: " + firstFew(missing));
    }
  }

  /** The page's packages by metadata id; every one of them must be in the metadata. */
  private static Map<String, Pkg> matchMetadata(CargoMetadata m, Map<String, Pkg> pkgs) {
    Map<String, String> idOf = new HashMap<>();
    for (CargoMetadata.Package p : m.packages()) {
      idOf.put(p.name() + " " + p.version(), p.id());
    }
    Map<String, Pkg> byId = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Pkg> e : pkgs.entrySet()) {
      String id = idOf.get(e.getKey());
      if (id == null) {
        missing.add(e.getKey());
      } else {
        byId.put(id, e.getValue());
      }
    }
    if (!missing.isEmpty()) {
      throw new ImportMismatch(
          true, "is from another build: packages of the page not in it: " + firstFew(missing));
    }
    return byId;
  }

  /**
   * cargo's unit rules on the package graph (unit_dependencies.rs): a package's lib and bins depend
   * on its normal dependencies' libs, its build script on its build-dependencies' libs.
   */
  private static void edgesFromMetadata(
      CargoMetadata m, Map<String, Pkg> byId, DirectedAcyclicGraph<String, DefaultEdge> dag) {
    for (Map.Entry<String, Pkg> e : byId.entrySet()) {
      Pkg user = e.getValue();
      for (CargoMetadata.Dep d : m.deps(e.getKey())) {
        Pkg dep = byId.get(d.pkg());
        if (dep == null || dep == user || dep.libCrate() == null) {
          continue; // not built in this build (another platform's, or a dev-dependency)
        }
        if (d.kinds().contains(CargoMetadata.DepKind.NORMAL)) {
          for (String userCrate : new String[] {user.libCrate(), user.binCrate()}) {
            if (userCrate != null && !userCrate.equals(dep.libCrate())) {
              addEdge(dag, dep.libCrate(), userCrate);
            }
          }
        }
        if (d.kinds().contains(CargoMetadata.DepKind.BUILD) && user.scriptCompile != null) {
          user.scriptDeps.add(dep.libCrate());
        }
      }
    }
  }

  /**
   * A bin has no .rmeta, so its front end is not on the page. Its split follows the libs built in
   * the same run (same machine, same profile): their front ends' share of their durations, when
   * they add up to at least a second; otherwise the calibrated share for the mode.
   */
  static double binFrontendShare(TimingsPage page, Calibration cal) {
    double fe = 0;
    double total = 0;
    for (PageUnit u : page.units()) {
      if (u.kind() == PageUnit.Kind.LIB && u.rmetaTime() != null) {
        fe += Math.min(u.rmetaTime(), u.duration());
        total += u.duration();
      }
    }
    return total >= 1.0 ? fe / total : cal.get("bin_frontend_share");
  }

  private static void assignCrateNames(Iterable<Pkg> pkgs) {
    Map<String, Integer> byName = new HashMap<>();
    for (Pkg p : pkgs) {
      byName.merge(p.name, 1, Integer::sum);
    }
    for (Pkg p : pkgs) {
      p.crateName = byName.get(p.name) > 1 ? p.name + "@" + p.version : p.name;
    }
  }

  private static void edgesFromPage(
      TimingsPage page,
      Map<Integer, Pkg> pkgOfUnit,
      DirectedAcyclicGraph<String, DefaultEdge> dag) {
    List<PageUnit> byIndex = new ArrayList<>(page.units());
    byIndex.sort((a, b) -> Integer.compare(a.i(), b.i()));
    Map<Integer, PageUnit> unitOf = page.unitsByIndex(); // indexed once: import stays linear
    for (PageUnit dep : byIndex) {
      Set<Integer> unblocked = new LinkedHashSet<>(dep.unblockedRmetaUnits());
      unblocked.addAll(dep.unblockedUnits());
      for (int i : unblocked) {
        PageUnit user = unitOf.get(i);
        link(pkgOfUnit.get(user.i()), user, pkgOfUnit.get(dep.i()), dep, dag);
      }
    }
  }

  private static void edgesFromKnowledge(
      Map<String, Pkg> pkgs, EdgeKnowledge known, DirectedAcyclicGraph<String, DefaultEdge> dag) {
    for (Pkg user : pkgs.values()) {
      String key = user.name + " " + user.version;
      for (String role : List.of("lib", "bin", "script")) {
        for (String depKey : known.depsOf(key, role)) {
          Pkg dep = pkgs.get(depKey);
          if (dep == null
              || dep == user
              || dep.libCrate() == null
              || !consistent(user, role, dep)) {
            continue;
          }
          if (role.equals("script")) {
            if (user.scriptCompile != null) {
              user.scriptDeps.add(dep.libCrate());
            }
          } else {
            String userCrate = role.equals("bin") ? user.binCrate() : user.libCrate();
            if (userCrate != null) {
              addEdge(dag, dep.libCrate(), userCrate);
            }
          }
        }
      }
    }
  }

  /**
   * A pooled edge may not hold in this build (it can depend on features this build did not enable).
   * It is kept only if this page's own timing allows it: the user started no earlier than the
   * dependency's .rmeta (or its end, for units without one).
   */
  private static boolean consistent(Pkg user, String role, Pkg dep) {
    PageUnit u =
        role.equals("script")
            ? user.scriptCompile
            : role.equals("bin") ? user.bin : user.firstLibUnit();
    PageUnit d = dep.firstLibUnit();
    if (u == null || d == null) {
      return false;
    }
    double available = d.start() + (d.rmetaTime() != null ? d.rmetaTime() : d.duration());
    return u.start() + TIMING_TOLERANCE_S >= available;
  }

  /** Pages round times to 0.01 s. */
  private static final double TIMING_TOLERANCE_S = 0.011;

  /** Records "user depends on dep" in the owning packages, if the scenario can express it. */
  private static void link(
      Pkg userPkg,
      PageUnit user,
      Pkg depPkg,
      PageUnit dep,
      DirectedAcyclicGraph<String, DefaultEdge> dag) {
    PageUnit.Kind dk = dep.kind();
    if (dk == PageUnit.Kind.BUILD_SCRIPT_COMPILE
        || dk == PageUnit.Kind.BUILD_SCRIPT_RUN
        || Pkg.isBin(dep)) {
      return; // implied by build_script, or not expressible (links= run order, bin artifacts)
    }
    String depCrate = depPkg.libCrate();
    if (depCrate == null) {
      return;
    }
    switch (user.kind()) {
      case BUILD_SCRIPT_COMPILE:
        if (userPkg != depPkg) {
          userPkg.scriptDeps.add(depCrate);
        }
        return;
      case BUILD_SCRIPT_RUN:
        return;
      default:
        String userCrate = Pkg.isBin(user) ? userPkg.binCrate() : userPkg.libCrate();
        if (userCrate == null || userCrate.equals(depCrate)) {
          return;
        }
        addEdge(dag, depCrate, userCrate);
    }
  }

  private static void addEdge(
      DirectedAcyclicGraph<String, DefaultEdge> dag, String dep, String user) {
    if (dag.containsEdge(dep, user)) {
      return;
    }
    try {
      dag.addEdge(dep, user);
    } catch (IllegalArgumentException cycle) {
      // inconsistent page (e.g. two versions merged): keep the graph acyclic
    }
  }

  private static void edgesFromUnitGraph(
      UnitGraphFile g, Map<String, Pkg> pkgs, DirectedAcyclicGraph<String, DefaultEdge> dag) {
    for (UnitGraphFile.Node n : g.units()) {
      Pkg user = pkgs.get(n.name() + " " + n.version());
      if (user == null || n.isBuildScriptRun()) {
        continue;
      }
      for (int d : n.dependencies()) {
        UnitGraphFile.Node dn = g.units().get(d);
        Pkg dep = pkgs.get(dn.name() + " " + dn.version());
        if (dep == null
            || dn.isBuildScriptRun()
            || dn.isBuildScriptCompile()
            || dn.targetKinds().contains("bin")
            || dep.libCrate() == null) {
          continue;
        }
        if (n.isBuildScriptCompile()) {
          if (user != dep) {
            user.scriptDeps.add(dep.libCrate());
          }
          continue;
        }
        String userCrate = n.targetKinds().contains("bin") ? user.binCrate() : user.libCrate();
        if (userCrate != null && !userCrate.equals(dep.libCrate())) {
          addEdge(dag, dep.libCrate(), userCrate);
        }
      }
    }
  }

  static double round(double s) {
    return Math.round(s * 1e6) / 1e6;
  }

  /** The units of one package. */
  private static final class Pkg {
    final String name;
    final String version;
    final List<PageUnit> units = new ArrayList<>();
    final Set<String> scriptDeps = new LinkedHashSet<>();
    String crateName;

    /** From cargo metadata: whether the lib is a proc macro; null = guess from the page. */
    Boolean procMacro;

    PageUnit build;
    PageUnit check;
    PageUnit bin;
    PageUnit scriptCompile;
    PageUnit scriptRun;

    Pkg(String name, String version) {
      this.name = name;
      this.version = version;
    }

    static boolean isBin(PageUnit u) {
      return u.kind() == PageUnit.Kind.BIN || u.kind() == PageUnit.Kind.CHECK_BIN;
    }

    void add(PageUnit u) {
      units.add(u);
      switch (u.kind()) {
        case LIB:
          build = longer(build, u);
          break;
        case CHECK_LIB:
          check = longer(check, u);
          break;
        case BIN:
        case CHECK_BIN:
          bin = longer(bin, u);
          break;
        case BUILD_SCRIPT_COMPILE:
          scriptCompile = longer(scriptCompile, u);
          break;
        case BUILD_SCRIPT_RUN:
          scriptRun = longer(scriptRun, u);
          break;
        default:
          break; // tests, benches, docs: not modelled
      }
    }

    private static PageUnit longer(PageUnit a, PageUnit b) {
      return a == null || b.duration() > a.duration() ? b : a;
    }

    String libCrate() {
      return build != null || check != null ? crateName : null;
    }

    /** The earlier-starting of the lib's build and check units. */
    PageUnit firstLibUnit() {
      if (build == null) {
        return check;
      }
      return check == null || build.start() <= check.start() ? build : check;
    }

    String binCrate() {
      if (bin == null) {
        return null;
      }
      return libCrate() == null ? crateName : crateName + " (bin " + bin.targetName() + ")";
    }

    List<String> crateNames() {
      List<String> out = new ArrayList<>(2);
      if (libCrate() != null) {
        out.add(libCrate());
      }
      if (binCrate() != null) {
        out.add(binCrate());
      }
      if (out.isEmpty() && (scriptCompile != null || scriptRun != null)) {
        out.add(crateName); // a package whose only units are its build script
      }
      return out;
    }

    List<CrateSpec> toCrates(
        Mode mode,
        Calibration cal,
        DirectedAcyclicGraph<String, DefaultEdge> dag,
        boolean parallelCc,
        double binShare) {
      int cgus = cal.codegenUnits();
      List<CrateSpec> out = new ArrayList<>(2);
      Optional<BuildScriptSpec> script = script(cal, parallelCc);
      String lib = libCrate();
      if (lib != null) {
        boolean procMacro =
            this.procMacro != null
                ? this.procMacro && build != null
                : build != null && check == null && build.isProbablyProcMacro();
        boolean root = dag.outDegreeOf(lib) == 0;
        double pmShare =
            cal.get(root ? "root_proc_macro_frontend_share" : "proc_macro_frontend_share");
        Phases p =
            build != null
                ? split(build, procMacro ? pmShare : 1.0, cal)
                : new Phases(round(check.duration()), 0, cgus, 0);
        Set<CrateSpec.Side> sides = EnumSet.noneOf(CrateSpec.Side.class);
        if (mode == Mode.CHECK && !procMacro) {
          if (build != null) {
            sides.add(CrateSpec.Side.HOST);
          }
          if (check != null) {
            sides.add(CrateSpec.Side.TARGET);
          }
        }
        out.add(
            new CrateSpec(
                lib,
                version,
                procMacro ? CrateKind.PROC_MACRO : CrateKind.LIB,
                depsOf(lib, dag),
                p,
                script,
                sides,
                0));
        script = Optional.empty();
      }
      String binName = binCrate();
      if (binName != null) {
        List<String> deps = depsOf(binName, dag);
        if (lib != null && !deps.contains(lib)) {
          deps.add(lib);
        }
        // a checked bin is all front end; a built one is split like the page's libs
        Phases p =
            bin.isCheck()
                ? new Phases(round(bin.duration()), 0, cal.codegenUnits(), 0)
                : split(bin, binShare, cal);
        out.add(new CrateSpec(binName, version, CrateKind.BIN, deps, p, script, Set.of(), 0));
        script = Optional.empty();
      }
      if (out.isEmpty() && script.isPresent()) {
        out.add(
            new CrateSpec(
                crateName,
                version,
                CrateKind.LIB,
                List.of(),
                new Phases(0, 0, cgus, 0),
                script,
                Set.of(),
                0));
      }
      return out;
    }

    private Optional<BuildScriptSpec> script(Calibration cal, boolean parallelCc) {
      if (scriptCompile == null && scriptRun == null) {
        return Optional.empty();
      }
      Phases compile =
          scriptCompile == null
              ? new Phases(0, 0, 1, 0)
              : split(scriptCompile, cal.get("build_script_frontend_share"), cal);
      double run = scriptRun == null ? 0 : round(scriptRun.duration());
      // Probing scripts take milliseconds; one that runs for seconds compiles foreign code.
      // cc-rs runs one compiler per file on jobserver tokens only with its `parallel` feature,
      // which depends on the `jobserver` crate: without that crate in the build, C compiles
      // are serial (measured: curl-sys, libgit2-sys, zstd-sys 4-8x faster at -j8 with it;
      // brotli-sys, lzma-sys, ring unchanged without it).
      double parallel =
          run >= LONG_SCRIPT_RUN_S && parallelCc ? cal.get("build_script_run_parallel_share") : 0;
      return Optional.of(new BuildScriptSpec(compile, run, parallel, new ArrayList<>(scriptDeps)));
    }

    /** Front end = .rmeta time when the page has one, else the kind's share of the duration. */
    private static Phases split(PageUnit u, double frontendShare, Calibration cal) {
      double d = u.duration();
      double fe = u.rmetaTime() != null ? Math.min(d, u.rmetaTime()) : d * frontendShare;
      double feR = round(fe);
      double cg = round(Math.max(0, d - feR));
      return new Phases(feR, cg, cal.codegenUnitsFor(cg), 0);
    }

    private static List<String> depsOf(
        String crate, DirectedAcyclicGraph<String, DefaultEdge> dag) {
      List<String> deps = new ArrayList<>();
      for (DefaultEdge e : dag.incomingEdgesOf(crate)) {
        deps.add(dag.getEdgeSource(e));
      }
      deps.sort(null);
      return deps;
    }
  }
}
