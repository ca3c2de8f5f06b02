package org.cratesim.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cratesim.model.BuildScriptSpec;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSize;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Phases;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;

/**
 * Scenario to scenario transforms: split one crate into several, or merge several into one.
 *
 * <p>{@link #split} replaces crate X by {@code X-1} … {@code X-K}; {@link #merge} of those parts
 * into X restores the original scenario exactly (crate source lines aside; for crates given in
 * seconds, to rounding, with the same {@link Options}). A crate described by its size (loc) is
 * split by dividing its size: the cost model then charges what the new graph costs, including what
 * splitting adds (every part loads its dependencies' metadata, sibling parts monomorphise their own
 * copies of the generics they share). A crate given in seconds (imported from a timing page, or
 * written with phases) is split by dividing its measured phases and adding what the cost model's
 * mechanisms say splitting adds: metadata written per part and loaded by each dependent part,
 * generic code instantiated again downstream, inlined code translated again, one more link input
 * per part, rustc's start-up per part ({@link TimedSplit}). What a timing page cannot show is in
 * {@link Options}, with documented defaults ({@link Options#defaults()}).
 *
 * <p>Shapes: {@link Shape#WIDE}, {@link Shape#CHAIN} and {@link Shape#LAYERED} (base → two layers →
 * top, as own-2core's split workspace was written); the parts' graph is {@link #partGraph}.
 *
 * <p>Split, in detail:
 *
 * <ul>
 *   <li>loc, every macro_invocations count, own_instantiations and every upstream_instantiations
 *       count are divided exactly (integer division, the remainder going one each to the first
 *       parts); every part keeps every key, even when its share is 0, so a merge restores them;
 *   <li>parts are libs, but when X is a bin the last part is the bin; proc macros cannot be split;
 *       version, codegen_units and built_for are copied to every part, the build script goes to
 *       part 1;
 *   <li>every part depends on all of X's dependencies (same order); {@link Shape#WIDE}: parts 2..K
 *       also depend on part 1 (and a bin part depends on every other part, as it is what uses
 *       them); {@link Shape#CHAIN}: part i also depends on part i−1; {@link Shape#LAYERED}: as
 *       {@link #partGraph} gives. The sibling dependencies come after X's own dependencies;
 *   <li>generic duplication: the code that used X's generics is now in other parts, which
 *       monomorphise their own copies. Each part i ≥ 2 gets {@code upstream_instantiations} on part
 *       1 (WIDE) / part i−1 (CHAIN) / the last part it depends on (LAYERED) of round(duplication ·
 *       own_instantiations(X) / K), left out when that is 0. {@code duplication} is the share of a
 *       part's proportional share of X's instantiations that it makes again: 0 = none (generics
 *       shared perfectly), 1 = each part re-instantiates as much as its own share; {@value
 *       #DEFAULT_DUPLICATION} by default;
 *   <li>dependents of X (normal and build-script dependencies) depend on every part (WIDE) or on
 *       the last part, which re-exports the others (CHAIN, LAYERED), at X's place in their lists;
 *       other crates' upstream_instantiations of X move to part 1 (WIDE) / the last part (CHAIN,
 *       LAYERED);
 *   <li>the rebuild's workspace members list the parts in X's place; an edit of X becomes an edit
 *       of part 1, the part the others build on (the edit loop's worst case: every part that
 *       depends on it is rebuilt).
 * </ul>
 *
 * <p>Merge of parts P1..Pn (in the order given) into X: sizes are summed; entries naming a part
 * (dependencies, upstream instantiations, macro invocations) are dropped from X; X's dependencies
 * are the parts' other dependencies, P1's order first, then each next part's new ones; X takes the
 * place of the earliest part in the crate list; kind is bin when any part is a bin (a lib and a
 * proc macro cannot be merged); version, codegen_units, built_for and line come from P1, the build
 * script from the first part that has one (the others' scripts are dropped). In every other crate,
 * references to parts become references to X: dependency lists keep the first position and lose
 * duplicates, instantiation and invocation counts are summed.
 */
public final class SplitMerge {
  /** The most parts one split makes. */
  public static final int MAX_PARTS = 1000;

  /** Default share of generic duplication between sibling parts. */
  public static final double DEFAULT_DUPLICATION = 0.5;

  /**
   * Default share of a crate given in seconds' codegen that is copies of generic code made for the
   * code that uses them ({@link Options#genericShare}).
   */
  public static final double DEFAULT_GENERIC_SHARE = 0.2;

  /** Default rustc start-up of one part of a crate given in seconds, in seconds. */
  public static final double DEFAULT_PART_STARTUP_S = 0.02;

  /**
   * What a timing page cannot show about a split.
   *
   * @param duplication generic duplication between sibling parts (both kinds of crate; default
   *     {@value #DEFAULT_DUPLICATION}): for a crate described by its size, the share of a part's
   *     proportional share of the own instantiations that it makes again; for a crate given in
   *     seconds, the share of its generic copies each of S &gt; 1 instantiating parts makes again,
   *     times (S − 1)/S
   * @param genericShare crates given in seconds: the share of the crate's codegen that is copies of
   *     generic code made for the code that uses them, made after the split by the parts nothing
   *     else in the split depends on (downstream monomorphisation). Default {@value
   *     #DEFAULT_GENERIC_SHARE}: a judgement between the cost model's {@code inline_share} (0.05,
   *     the #[inline] or generic code a dependency translates again) and own-2core's mono, written
   *     to be generic (0.76: in rustc -Z time-passes, split's m09 makes 19.5 s of the 24.9 s
   *     codegen summed over its ten crates); cargo llvm-lines of the crate tells the real figure
   * @param partStartupS crates given in seconds: rustc's start-up paid by every part, in seconds.
   *     Default {@value #DEFAULT_PART_STARTUP_S}: own-2core's smallest units (cfg-if, bitflags:
   *     0.01 s checked or built at -j1 on the cli and async pages); the cost model's {@code
   *     frontend_fixed_s} (0.198 s) is a fit's intercept that also holds a typical crate's
   *     dependencies, too much for one more part
   */
  public record Options(double duplication, double genericShare, double partStartupS) {
    /** The documented defaults. */
    public static Options defaults() {
      return new Options(DEFAULT_DUPLICATION, DEFAULT_GENERIC_SHARE, DEFAULT_PART_STARTUP_S);
    }

    /** The options, checked; a problem as a one-line argument error. */
    Options checked() {
      if (!(duplication >= 0) || Double.isInfinite(duplication)) {
        throw new IllegalArgumentException(
            "duplication must be a finite number >= 0, was " + duplication);
      }
      if (!(genericShare >= 0 && genericShare <= 1)) {
        throw new IllegalArgumentException(
            "generic share must be between 0 and 1, was " + genericShare);
      }
      if (!(partStartupS >= 0) || Double.isInfinite(partStartupS)) {
        throw new IllegalArgumentException(
            "part start-up must be a finite number of seconds >= 0, was " + partStartupS);
      }
      return this;
    }
  }

  /** How the parts of a split crate depend on each other. */
  public enum Shape {
    /** Part 1 is a base the others depend on; dependents use every part. */
    WIDE,
    /** Part i depends on part i−1; dependents use the last part, which re-exports the rest. */
    CHAIN,
    /**
     * Part 1 is a base; the middle parts form two layers: the first ⌈(K−2)/2⌉ depend on part 1,
     * each of the second on part 1 and on one of the first (in turn); the last part depends on
     * every other part and is what dependents use (own-2core's split workspace: m00 → {m01..m04} →
     * {m05..m08} → m09).
     */
    LAYERED;

    /** Lower-case name, as on the command line. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private SplitMerge() {}

  /** The names {@code crate-1} … {@code crate-parts} that {@link #split} gives the parts. */
  public static List<String> partNames(String crate, int parts) {
    List<String> names = new ArrayList<>(parts);
    for (int i = 1; i <= parts; i++) {
      names.add(crate + "-" + i);
    }
    return names;
  }

  /**
   * Replaces {@code crate} by {@code parts} crates named {@code crate-1} … {@code crate-K}.
   *
   * @throws IllegalArgumentException (one-line message) when the request cannot be done
   */
  public static Scenario split(
      Scenario sc, String crate, int parts, Shape shape, double duplication) {
    return split(
        sc,
        crate,
        parts,
        shape,
        new Options(duplication, DEFAULT_GENERIC_SHARE, DEFAULT_PART_STARTUP_S));
  }

  /**
   * Replaces {@code crate} by {@code parts} crates named {@code crate-1} … {@code crate-K}; a crate
   * given in seconds is split as {@link TimedSplit} describes, with the options' generic share and
   * part start-up.
   *
   * @throws IllegalArgumentException (one-line message) when the request cannot be done
   */
  public static Scenario split(Scenario sc, String crate, int parts, Shape shape, Options options) {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(options, "options");
    Map<String, CrateSpec> byName = byName(sc);
    CrateSpec x = byName.get(crate);
    if (x == null) {
      throw new IllegalArgumentException("unknown crate '" + crate + "'");
    }
    if (parts < 2 || parts > MAX_PARTS) {
      throw new IllegalArgumentException(
          "split needs at least 2 parts and at most " + MAX_PARTS + ", was " + parts);
    }
    if (x.kind() == CrateKind.PROC_MACRO) {
      throw new IllegalArgumentException(
          "cannot split proc-macro crate '"
              + crate
              + "' (a proc macro is one library loaded by the compiler)");
    }
    options.checked();
    double duplication = options.duplication();
    if (x.size().isEmpty()) {
      return splitTimed(sc, x, parts, shape, options, byName);
    }
    CrateSize size = x.size().get();
    if (parts > size.loc()) {
      throw new IllegalArgumentException(
          "cannot split '"
              + crate
              + "' ("
              + size.loc()
              + " loc) into "
              + parts
              + " parts: each part needs at least one line");
    }
    if (size.upstreamInstantiations().containsKey(crate)) {
      throw new IllegalArgumentException(
          "crate '" + crate + "' lists itself in upstream_instantiations; remove that entry first");
    }
    List<String> names = partNames(crate, parts);
    for (String n : names) {
      if (byName.containsKey(n)) {
        throw new IllegalArgumentException(
            "cannot name the parts "
                + names.get(0)
                + " .. "
                + names.get(parts - 1)
                + ": crate '"
                + n
                + "' already exists");
      }
    }

    long[] loc = share(size.loc(), parts);
    // own copies not given (-1): every part derives its own from its lines, and duplication
    // counts the copies the cost model derives for the whole crate
    boolean derived = size.ownInstantiations() < 0;
    long[] own = derived ? filled(parts, -1) : share(size.ownInstantiations(), parts);
    double ownCopies =
        derived ? sc.costs().get("copies_per_line") * size.loc() : size.ownInstantiations();
    long dup = Math.round(duplication * ownCopies / parts);
    List<List<Integer>> graph = partGraph(shape, parts, x.kind() == CrateKind.BIN);
    List<CrateSpec> partSpecs = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      final int idx = i;
      Map<String, Long> macros = new LinkedHashMap<>();
      size.macroInvocations().forEach((k, v) -> macros.put(k, share(v, parts)[idx]));
      Map<String, Long> upstream = new LinkedHashMap<>();
      size.upstreamInstantiations().forEach((k, v) -> upstream.put(k, share(v, parts)[idx]));
      List<String> deps = new ArrayList<>(x.deps());
      boolean bin = x.kind() == CrateKind.BIN && i == parts - 1;
      List<Integer> in = graph.get(i);
      if (i > 0) {
        // WIDE: part 1; CHAIN: part i-1; LAYERED: the last part it depends on
        String sibling = shape == Shape.WIDE ? names.get(0) : names.get(in.get(in.size() - 1));
        in.forEach(j -> deps.add(names.get(j)));
        if (dup > 0) {
          upstream.put(sibling, dup);
        }
      }
      CrateSize partSize = new CrateSize(loc[i], macros, own[i], upstream);
      partSpecs.add(
          new CrateSpec(
              names.get(i),
              x.version(),
              bin ? CrateKind.BIN : CrateKind.LIB,
              deps,
              x.phases(),
              Optional.of(partSize),
              i == 0 ? x.buildScript() : Optional.empty(),
              x.builtFor(),
              x.line()));
    }

    List<String> dependentView = shape == Shape.WIDE ? names : List.of(names.get(parts - 1));
    String instantiationTarget = shape == Shape.WIDE ? names.get(0) : names.get(parts - 1);
    List<CrateSpec> out = new ArrayList<>(sc.crates().size() + parts - 1);
    for (CrateSpec c : sc.crates()) {
      if (c == x) {
        out.addAll(partSpecs);
        continue;
      }
      out.add(
          rewrite(
              c,
              d -> d.equals(crate) ? dependentView : List.of(d),
              k -> k.equals(crate) ? instantiationTarget : k));
    }
    return checked(withWorkspace(sc.withCrates(out), crate, names), "split");
  }

  /**
   * For each of {@code k} parts, the parts (0-based) it depends on, in the order they are listed
   * after the crate's own dependencies.
   */
  static List<List<Integer>> partGraph(Shape shape, int k, boolean bin) {
    List<List<Integer>> g = new ArrayList<>(k);
    int l1 = (k - 1) / 2; // LAYERED: the first layer, ceil((k - 2) / 2) parts
    for (int i = 0; i < k; i++) {
      List<Integer> d = new ArrayList<>();
      if (i > 0) {
        boolean last = i == k - 1;
        switch (shape) {
          case WIDE -> {
            if (bin && last) {
              for (int j = 0; j < i; j++) {
                d.add(j);
              }
            } else {
              d.add(0);
            }
          }
          case CHAIN -> d.add(i - 1);
          case LAYERED -> {
            if (last) {
              for (int j = 0; j < i; j++) {
                d.add(j);
              }
            } else {
              d.add(0);
              if (i > l1) {
                d.add(1 + (i - l1 - 1) % l1);
              }
            }
          }
        }
      }
      g.add(List.copyOf(d));
    }
    return g;
  }

  /** Splits a crate given in seconds (checks of {@link #split} done). */
  private static Scenario splitTimed(
      Scenario sc,
      CrateSpec x,
      int parts,
      Shape shape,
      Options options,
      Map<String, CrateSpec> byName) {
    String crate = x.name();
    List<String> names = partNames(crate, parts);
    requireFreeNames(names, byName);
    boolean bin = x.kind() == CrateKind.BIN;
    List<List<Integer>> graph = partGraph(shape, parts, bin);
    TimedSplit.Rates rates = TimedSplit.Rates.of(sc);
    List<Phases> phases = TimedSplit.split(x, graph, bin ? parts - 1 : -1, options, byName, rates);
    List<CrateSpec> partSpecs = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      List<String> deps = new ArrayList<>(x.deps());
      graph.get(i).forEach(j -> deps.add(names.get(j)));
      partSpecs.add(
          new CrateSpec(
              names.get(i),
              x.version(),
              bin && i == parts - 1 ? CrateKind.BIN : CrateKind.LIB,
              deps,
              phases.get(i),
              Optional.empty(),
              i == 0 ? x.buildScript() : Optional.empty(),
              x.builtFor(),
              x.line()));
    }
    List<String> dependentView = shape == Shape.WIDE ? names : List.of(names.get(parts - 1));
    Set<String> linkers = linkersOf(sc, Set.of(crate));
    double moreInputs = (parts - 1) * rates.linkPerInput();
    List<CrateSpec> out = new ArrayList<>(sc.crates().size() + parts - 1);
    for (CrateSpec c : sc.crates()) {
      if (c == x) {
        out.addAll(partSpecs);
        continue;
      }
      String target = shape == Shape.WIDE ? names.get(0) : names.get(parts - 1);
      CrateSpec r =
          rewrite(
              c,
              d -> d.equals(crate) ? dependentView : List.of(d),
              k -> k.equals(crate) ? target : k);
      out.add(linkers.contains(c.name()) ? withLink(r, moreInputs) : r);
    }
    return checked(withWorkspace(sc.withCrates(out), crate, names), "split");
  }

  /**
   * Crates given in seconds that link {@code crates}: bins and proc macros with a link that depend
   * on one of them, directly or through other crates (normal dependencies).
   */
  private static Set<String> linkersOf(Scenario sc, Set<String> crates) {
    Set<String> reach = new HashSet<>(crates);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (CrateSpec c : sc.crates()) {
        if (!reach.contains(c.name()) && c.deps().stream().anyMatch(reach::contains)) {
          reach.add(c.name());
          grew = true;
        }
      }
    }
    Set<String> out = new HashSet<>();
    for (CrateSpec c : sc.crates()) {
      if (reach.contains(c.name())
          && !crates.contains(c.name())
          && c.size().isEmpty()
          && c.kind() != CrateKind.LIB
          && c.phases().linkS() > 0) {
        out.add(c.name());
      }
    }
    return out;
  }

  private static CrateSpec withLink(CrateSpec c, double delta) {
    return new CrateSpec(
        c.name(),
        c.version(),
        c.kind(),
        c.deps(),
        TimedSplit.linkPlus(c.phases(), delta),
        c.size(),
        c.buildScript(),
        c.builtFor(),
        c.line());
  }

  /**
   * The rebuild's workspace members with {@code crate} replaced by {@code by} (in place), and an
   * edit of {@code crate} by an edit of the first part.
   */
  private static Scenario withWorkspace(Scenario sc, String crate, List<String> by) {
    List<Rebuild.Edit> ed = sc.rebuild().edits();
    if (sc.rebuild().editOf(crate).isPresent()) {
      List<Rebuild.Edit> e = new ArrayList<>();
      for (Rebuild.Edit x : ed) {
        Rebuild.Edit y = x.crate().equals(crate) ? new Rebuild.Edit(by.get(0), x.kind()) : x;
        if (e.stream().noneMatch(z -> z.crate().equals(y.crate()))) {
          e.add(y);
        }
      }
      sc = sc.withRebuild(sc.rebuild().withEditList(e));
    }
    List<String> ws = sc.rebuild().workspace();
    if (!ws.contains(crate)) {
      return sc;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String w : ws) {
      out.addAll(w.equals(crate) ? by : List.of(w));
    }
    return sc.withRebuild(sc.rebuild().withWorkspace(List.copyOf(out)));
  }

  /** The rebuild's workspace members and edits with the merged crates replaced by {@code into}. */
  private static Scenario merged(Scenario sc, Set<String> parts, String into) {
    Function<List<String>, List<String>> f =
        l -> {
          Set<String> out = new LinkedHashSet<>();
          l.forEach(w -> out.add(parts.contains(w) ? into : w));
          return List.copyOf(out);
        };
    List<String> ws = sc.rebuild().workspace();
    List<Rebuild.Edit> ed = sc.rebuild().edits();
    if (ws.stream().noneMatch(parts::contains)
        && ed.stream().noneMatch(e -> parts.contains(e.crate()))) {
      return sc;
    }
    // an edit of a part is an edit of the merged crate (the first part's kind)
    List<Rebuild.Edit> e = new ArrayList<>();
    for (Rebuild.Edit x : ed) {
      Rebuild.Edit y = parts.contains(x.crate()) ? new Rebuild.Edit(into, x.kind()) : x;
      if (e.stream().noneMatch(z -> z.crate().equals(y.crate()))) {
        e.add(y);
      }
    }
    return sc.withRebuild(sc.rebuild().withWorkspace(f.apply(ws)).withEditList(e));
  }

  private static void requireFreeNames(List<String> names, Map<String, CrateSpec> byName) {
    for (String n : names) {
      if (byName.containsKey(n)) {
        throw new IllegalArgumentException(
            "cannot name the parts "
                + names.get(0)
                + " .. "
                + names.get(names.size() - 1)
                + ": crate '"
                + n
                + "' already exists");
      }
    }
  }

  /**
   * Replaces the crates {@code parts} by one crate {@code into}.
   *
   * @throws IllegalArgumentException (one-line message) when the request cannot be done
   */
  public static Scenario merge(Scenario sc, List<String> parts, String into) {
    return merge(sc, parts, into, Options.defaults());
  }

  /**
   * Replaces the crates {@code parts} by one crate {@code into}; crates given in seconds merge as
   * {@link TimedSplit} describes, with the options' generic share, duplication and part start-up
   * (the same as the split's restore the crate that was split).
   *
   * @throws IllegalArgumentException (one-line message) when the request cannot be done
   */
  public static Scenario merge(Scenario sc, List<String> parts, String into, Options options) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(parts, "parts");
    Objects.requireNonNull(into, "into");
    if (into.isBlank()) {
      throw new IllegalArgumentException("the merged crate needs a name");
    }
    Map<String, CrateSpec> byName = byName(sc);
    if (parts.size() < 2) {
      throw new IllegalArgumentException("merge needs at least 2 crates, was " + parts.size());
    }
    Set<String> partSet = new LinkedHashSet<>();
    List<CrateSpec> specs = new ArrayList<>();
    for (String p : parts) {
      CrateSpec c = byName.get(p);
      if (c == null) {
        throw new IllegalArgumentException("unknown crate '" + p + "'");
      }
      if (!partSet.add(p)) {
        throw new IllegalArgumentException("crate '" + p + "' is listed twice");
      }
      specs.add(c);
    }
    boolean timed = specs.get(0).size().isEmpty();
    for (CrateSpec c : specs) {
      if (c.size().isEmpty() != timed) {
        CrateSpec secs = timed ? specs.get(0) : c;
        throw new IllegalArgumentException(
            "cannot merge crates described by their size (loc) with crates given in seconds ('"
                + secs.name()
                + "' is given in seconds)");
      }
    }
    options.checked();
    if (byName.containsKey(into) && !partSet.contains(into)) {
      throw new IllegalArgumentException(
          "cannot name the merged crate '" + into + "': a crate of that name already exists");
    }
    boolean procMacro = specs.get(0).kind() == CrateKind.PROC_MACRO;
    for (CrateSpec c : specs) {
      if ((c.kind() == CrateKind.PROC_MACRO) != procMacro) {
        throw new IllegalArgumentException(
            "cannot merge crates of different kinds: '"
                + specs.get(0).name()
                + "' is "
                + specs.get(0).kind().id()
                + ", '"
                + c.name()
                + "' is "
                + c.kind().id());
      }
    }
    CrateKind kind =
        procMacro
            ? CrateKind.PROC_MACRO
            : specs.stream().anyMatch(c -> c.kind() == CrateKind.BIN)
                ? CrateKind.BIN
                : CrateKind.LIB;
    if (kind == CrateKind.BIN) {
      for (CrateSpec c : sc.crates()) {
        if (partSet.contains(c.name())) {
          continue;
        }
        for (String d : allDeps(c)) {
          if (partSet.contains(d)) {
            throw new IllegalArgumentException(
                "cannot merge into a bin: crate '"
                    + c.name()
                    + "' depends on '"
                    + d
                    + "' (only libs can be dependencies)");
          }
        }
      }
    }

    long loc = 0;
    long own = 0;
    // parts whose own copies are derived from their lines (-1) merge into a crate that derives
    // them too; a mix is summed with the derived counts made explicit
    boolean allDerived = true;
    Map<String, Long> macros = new LinkedHashMap<>();
    Map<String, Long> upstream = new LinkedHashMap<>();
    Set<String> deps = new LinkedHashSet<>();
    for (CrateSpec c : specs) {
      for (String d : c.deps()) {
        if (!partSet.contains(d)) {
          deps.add(d);
        }
      }
      if (timed) {
        continue;
      }
      CrateSize z = c.size().get();
      loc = Math.addExact(loc, z.loc());
      own =
          Math.addExact(
              own,
              z.ownInstantiations() >= 0
                  ? z.ownInstantiations()
                  : Math.round(sc.costs().get("copies_per_line") * z.loc()));
      allDerived &= z.ownInstantiations() < 0;
      z.macroInvocations()
          .forEach(
              (k, v) -> {
                if (!partSet.contains(k)) {
                  macros.merge(k, v, Math::addExact);
                }
              });
      z.upstreamInstantiations()
          .forEach(
              (k, v) -> {
                if (!partSet.contains(k)) {
                  upstream.merge(k, v, Math::addExact);
                }
              });
    }
    CrateSpec first = specs.get(0);
    Optional<BuildScriptSpec> script =
        specs.stream()
            .map(CrateSpec::buildScript)
            .filter(Optional::isPresent)
            .map(Optional::get)
            .findFirst();
    for (String d : script.map(BuildScriptSpec::deps).orElse(List.of())) {
      if (partSet.contains(d)) {
        throw new IllegalArgumentException(
            "cannot merge: the build script of the merged "
                + "crate would depend on the crate itself ('"
                + d
                + "' is merged)");
      }
    }
    Phases phases = first.phases();
    Optional<CrateSize> size =
        Optional.of(new CrateSize(loc, macros, allDerived ? -1 : own, upstream));
    Set<String> linkers = Set.of();
    if (timed) {
      List<List<Integer>> graph = new ArrayList<>();
      for (CrateSpec c : specs) {
        List<Integer> in = new ArrayList<>();
        for (String d : c.deps()) {
          if (partSet.contains(d)) {
            in.add(parts.indexOf(d));
          }
        }
        graph.add(in);
      }
      phases =
          TimedSplit.merge(
              specs, graph, kind == CrateKind.BIN, options, byName, TimedSplit.Rates.of(sc));
      size = Optional.empty();
      linkers = linkersOf(sc, partSet);
    }
    CrateSpec merged =
        new CrateSpec(
            into,
            first.version(),
            kind,
            List.copyOf(deps),
            phases,
            size,
            script,
            first.builtFor(),
            first.line());
    double fewerInputs = -(parts.size() - 1) * TimedSplit.Rates.of(sc).linkPerInput();

    List<CrateSpec> out = new ArrayList<>(sc.crates().size() - parts.size() + 1);
    boolean placed = false;
    for (CrateSpec c : sc.crates()) {
      if (partSet.contains(c.name())) {
        if (!placed) {
          out.add(merged);
          placed = true;
        }
        continue;
      }
      CrateSpec r =
          rewrite(
              c, d -> List.of(partSet.contains(d) ? into : d), k -> partSet.contains(k) ? into : k);
      out.add(linkers.contains(c.name()) ? withLink(r, fewerInputs) : r);
    }
    Scenario result = merged(sc.withCrates(out), partSet, into);
    List<String> cycle = cycleThrough(result, into);
    if (!cycle.isEmpty()) {
      throw new IllegalArgumentException(
          "merging "
              + String.join(", ", parts)
              + " into '"
              + into
              + "' would create a dependency cycle: "
              + String.join(" -> ", cycle));
    }
    return checked(result, "merge");
  }

  /**
   * A crate with its dependency names (normal and build-script) and the keys of its counts renamed;
   * dependency lists keep each name's first position.
   */
  private static CrateSpec rewrite(
      CrateSpec c, Function<String, List<String>> dep, Function<String, String> key) {
    List<String> deps = mapDeps(c.deps(), dep);
    Optional<BuildScriptSpec> bs =
        c.buildScript()
            .map(
                b ->
                    new BuildScriptSpec(
                        b.compile(), b.runS(), b.runParallelShare(), mapDeps(b.deps(), dep)));
    Optional<CrateSize> size =
        c.size()
            .map(
                z ->
                    new CrateSize(
                        z.loc(),
                        mapKeys(z.macroInvocations(), key),
                        z.ownInstantiations(),
                        mapKeys(z.upstreamInstantiations(), key)));
    return new CrateSpec(
        c.name(), c.version(), c.kind(), deps, c.phases(), size, bs, c.builtFor(), c.line());
  }

  private static List<String> mapDeps(List<String> deps, Function<String, List<String>> f) {
    Set<String> out = new LinkedHashSet<>();
    for (String d : deps) {
      out.addAll(f.apply(d));
    }
    return List.copyOf(out);
  }

  private static Map<String, Long> mapKeys(Map<String, Long> m, Function<String, String> f) {
    Map<String, Long> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.merge(f.apply(k), v, Math::addExact));
    return out;
  }

  /** {@code total} in {@code n} integer shares, the remainder one each to the first shares. */
  static long[] share(long total, int n) {
    long[] s = new long[n];
    long base = total / n;
    long rest = total % n;
    for (int i = 0; i < n; i++) {
      s[i] = base + (i < rest ? 1 : 0);
    }
    return s;
  }

  private static Map<String, CrateSpec> byName(Scenario sc) {
    Map<String, CrateSpec> m = new LinkedHashMap<>();
    for (CrateSpec c : sc.crates()) {
      m.putIfAbsent(c.name(), c);
    }
    return m;
  }

  private static List<String> allDeps(CrateSpec c) {
    List<String> all = new ArrayList<>(c.deps());
    c.buildScript().ifPresent(b -> all.addAll(b.deps()));
    return all;
  }

  /** A dependency cycle through {@code start} ([start, .., start]), or empty. */
  private static List<String> cycleThrough(Scenario sc, String start) {
    Map<String, CrateSpec> byName = byName(sc);
    Map<String, String> parent = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    List<String> stack = new ArrayList<>();
    stack.add(start);
    seen.add(start);
    while (!stack.isEmpty()) {
      String v = stack.remove(stack.size() - 1);
      CrateSpec c = byName.get(v);
      if (c == null) {
        continue;
      }
      for (String w : allDeps(c)) {
        if (w.equals(start)) {
          List<String> path = new ArrayList<>();
          for (String p = v; p != null; p = parent.get(p)) {
            path.add(0, p);
          }
          path.add(start);
          return path;
        }
        if (seen.add(w)) {
          parent.put(w, v);
          stack.add(w);
        }
      }
    }
    return List.of();
  }

  /** The scenario, after the whole-scenario checks; their problem as an argument error. */
  private static Scenario checked(Scenario sc, String what) {
    try {
      ScenarioValidator.validate(sc);
    } catch (ScenarioException e) {
      throw new IllegalArgumentException(
          what
              + " would give an invalid scenario: "
              + e.problem().replaceAll("\\s*[\\r\\n]+\\s*", " "));
    }
    return sc;
  }

  private static long[] filled(int n, long v) {
    long[] a = new long[n];
    Arrays.fill(a, v);
    return a;
  }
}
