package org.cratesim.cargo;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
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

  Fingerprints(Scenario sc) {
    Rebuild rb = sc.rebuild();
    Set<String> workspace = workspace(sc);
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
            s = rb.edits().contains(c.name()) ? State.EDITED : State.DEPENDENT;
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
    Set<String> dirty = new HashSet<>(rb.edits());
    ArrayDeque<String> todo = new ArrayDeque<>(rb.edits());
    while (!todo.isEmpty()) {
      for (String u : users.getOrDefault(todo.pop(), Set.of())) {
        if (dirty.add(u)) {
          todo.add(u);
        }
      }
    }
    return dirty;
  }

  State state(String crate) {
    return states.getOrDefault(crate, State.FULL);
  }

  /**
   * A unit's costs in this build. {@code expansionNanos}: the part of its front end that is macro
   * expansion, redone by every incremental build.
   */
  static Unit apply(Unit unit, State s, long expansionNanos, Rebuild rb) {
    if (s == State.FULL) {
      return unit;
    }
    UnitWork u = unit.work();
    if (s == State.FRESH || unit.kind().isBuildScript()) {
      // fresh, or a build script whose inputs did not change
      return unit.withWork(u.fresh());
    }
    // in a check build the front end is the whole build: an edited crate redoes more of it
    double items =
        s == State.EDITED
            ? (unit.mode() == CompileMode.CHECK ? rb.checkItemsShare() : rb.itemsShare())
            : rb.dependentItemsShare();
    double cgus = s == State.EDITED ? rb.cguShare() : rb.dependentCguShare();
    long expansion = Math.min(u.frontendNanos(), expansionNanos);
    long frontend =
        expansion
            + Math.round(rb.overheadS() * 1e9)
            + Math.round((u.frontendNanos() - expansion) * items);
    long codegen = Math.round(u.codegenNanos() * cgus);
    long serial = u.codegenSerialNanos() < 0 ? -1 : Math.round(u.codegenSerialNanos() * cgus);
    long lto = u.ltoNanos() < 0 ? (cgus == 0 ? 0 : -1) : Math.round(u.ltoNanos() * cgus);
    // the link is always from scratch
    return unit.withWork(
        new UnitWork(
            frontend,
            codegen,
            u.codegenUnits(),
            u.linkNanos(),
            serial,
            lto,
            u.parallelCodegenFactor()));
  }
}
