package org.cratesim.scenario;

import java.util.ArrayList;
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
import org.cratesim.model.Scenario;

/**
 * Scenario to scenario transforms: split one crate into several, or merge several into one.
 *
 * <p>{@link #split} replaces crate X by {@code X-1} … {@code X-K}; {@link #merge} of those parts
 * into X restores the original scenario exactly (crate source lines aside). Only crates described
 * by their size (loc) take part: the cost model then charges what the new graph costs, including
 * what splitting adds (every part loads its dependencies' metadata, sibling parts monomorphise
 * their own copies of the generics they share).
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
 *       them); {@link Shape#CHAIN}: part i also depends on part i−1. The sibling dependency comes
 *       after X's own dependencies;
 *   <li>generic duplication: the code that used X's generics is now in other parts, which
 *       monomorphise their own copies. Each part i ≥ 2 gets {@code upstream_instantiations} on part
 *       1 (WIDE) / part i−1 (CHAIN) of round(duplication · own_instantiations(X) / K), left out
 *       when that is 0. {@code duplication} is the share of a part's proportional share of X's
 *       instantiations that it makes again: 0 = none (generics shared perfectly), 1 = each part
 *       re-instantiates as much as its own share; {@value #DEFAULT_DUPLICATION} by default;
 *   <li>dependents of X (normal and build-script dependencies) depend on every part (WIDE) or on
 *       the last part, which re-exports the others (CHAIN), at X's place in their lists; other
 *       crates' upstream_instantiations of X move to part 1 (WIDE) / the last part (CHAIN).
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
  /** Default share of generic duplication between sibling parts. */
  public static final double DEFAULT_DUPLICATION = 0.5;

  /** How the parts of a split crate depend on each other. */
  public enum Shape {
    /** Part 1 is a base the others depend on; dependents use every part. */
    WIDE,
    /** Part i depends on part i−1; dependents use the last part, which re-exports the rest. */
    CHAIN;

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
    Objects.requireNonNull(shape, "shape");
    Map<String, CrateSpec> byName = byName(sc);
    CrateSpec x = byName.get(crate);
    if (x == null) {
      throw new IllegalArgumentException("unknown crate '" + crate + "'");
    }
    if (parts < 2) {
      throw new IllegalArgumentException("split needs at least 2 parts, was " + parts);
    }
    if (x.size().isEmpty()) {
      throw new IllegalArgumentException(
          "split needs a crate described by its size (loc); '" + crate + "' is given in seconds");
    }
    if (x.kind() == CrateKind.PROC_MACRO) {
      throw new IllegalArgumentException(
          "cannot split proc-macro crate '"
              + crate
              + "' (a proc macro is one library loaded by the compiler)");
    }
    if (!(duplication >= 0) || Double.isInfinite(duplication)) {
      throw new IllegalArgumentException(
          "duplication must be a finite number >= 0, was " + duplication);
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
    List<CrateSpec> partSpecs = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      final int idx = i;
      Map<String, Long> macros = new LinkedHashMap<>();
      size.macroInvocations().forEach((k, v) -> macros.put(k, share(v, parts)[idx]));
      Map<String, Long> upstream = new LinkedHashMap<>();
      size.upstreamInstantiations().forEach((k, v) -> upstream.put(k, share(v, parts)[idx]));
      List<String> deps = new ArrayList<>(x.deps());
      boolean bin = x.kind() == CrateKind.BIN && i == parts - 1;
      if (i > 0) {
        String sibling = shape == Shape.WIDE ? names.get(0) : names.get(i - 1);
        if (bin && shape == Shape.WIDE) {
          deps.addAll(names.subList(0, i));
        } else {
          deps.add(sibling);
        }
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
    return checked(sc.withCrates(out), "split");
  }

  /**
   * Replaces the crates {@code parts} by one crate {@code into}.
   *
   * @throws IllegalArgumentException (one-line message) when the request cannot be done
   */
  public static Scenario merge(Scenario sc, List<String> parts, String into) {
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
      if (c.size().isEmpty()) {
        throw new IllegalArgumentException(
            "merge needs crates described by their size (loc); '" + p + "' is given in seconds");
      }
      specs.add(c);
    }
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
      for (String d : c.deps()) {
        if (!partSet.contains(d)) {
          deps.add(d);
        }
      }
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
    CrateSpec merged =
        new CrateSpec(
            into,
            first.version(),
            kind,
            List.copyOf(deps),
            first.phases(),
            Optional.of(new CrateSize(loc, macros, allDerived ? -1 : own, upstream)),
            script,
            first.builtFor(),
            first.line());

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
      out.add(
          rewrite(
              c,
              d -> List.of(partSet.contains(d) ? into : d),
              k -> partSet.contains(k) ? into : k));
    }
    Scenario result = sc.withCrates(out);
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
    java.util.Arrays.fill(a, v);
    return a;
  }
}
