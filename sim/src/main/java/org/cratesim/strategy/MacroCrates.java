package org.cratesim.strategy;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Scenario;

/** Graph helpers shared by the proc-macro strategies. */
final class MacroCrates {
  private MacroCrates() {}

  /** The listed crates, or every proc-macro crate of the scenario when the list is empty. */
  static Set<String> resolve(Scenario sc, List<String> listed) {
    Set<String> out = new java.util.TreeSet<>();
    for (CrateSpec c : sc.crates()) {
      if (c.kind() == CrateKind.PROC_MACRO && (listed.isEmpty() || listed.contains(c.name()))) {
        out.add(c.name());
      }
    }
    for (String l : listed) {
      if (!out.contains(l)) {
        throw new IllegalArgumentException(
            "'" + l + "' is not a proc-macro crate of the " + "scenario");
      }
    }
    return out;
  }

  /** Why a proc-macro strategy has nothing to act on in {@code sc}, if so. */
  static Optional<String> noMacros(Scenario sc) {
    boolean any = sc.crates().stream().anyMatch(c -> c.kind() == CrateKind.PROC_MACRO);
    return any ? Optional.empty() : Optional.of("no proc macro in the build");
  }

  /** Why a scheduling what-if cannot move {@code sc}'s wall time, if so. */
  static Optional<String> oneToken(Scenario sc) {
    return sc.build().jobs() == 1
        ? Optional.of("at -j1 units run one at a time: the order cannot change the wall time")
        : Optional.empty();
  }

  /**
   * The crates nothing needs any more once {@code macros} are not built from source: the macros'
   * dependencies that no other crate (outside the macros) reaches.
   */
  static Set<String> exclusiveDeps(Scenario sc, Set<String> macros) {
    Map<String, CrateSpec> byName = new HashMap<>();
    sc.crates().forEach(c -> byName.put(c.name(), c));
    Set<String> depended = new HashSet<>();
    for (CrateSpec c : sc.crates()) {
      depended.addAll(c.deps());
      c.buildScript().ifPresent(bs -> depended.addAll(bs.deps()));
    }
    // what is still built: everything reachable from the crates nothing depends on, without
    // going through the macros
    Set<String> needed = new HashSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>();
    for (CrateSpec c : sc.crates()) {
      if (!depended.contains(c.name()) && !macros.contains(c.name())) {
        todo.add(c.name());
      }
    }
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (macros.contains(n) || !needed.add(n)) {
        continue;
      }
      CrateSpec c = byName.get(n);
      todo.addAll(c.deps());
      c.buildScript().ifPresent(bs -> todo.addAll(bs.deps()));
    }
    Set<String> out = new java.util.TreeSet<>();
    for (CrateSpec c : sc.crates()) {
      if (!macros.contains(c.name()) && !needed.contains(c.name())) {
        out.add(c.name());
      }
    }
    return out;
  }
}
