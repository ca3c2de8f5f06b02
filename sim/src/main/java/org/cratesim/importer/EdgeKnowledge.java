package org.cratesim.importer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cratesim.timings.PageUnit;
import org.cratesim.timings.TimingsPage;

/**
 * Package-level dependency edges pooled from many timing pages.
 *
 * <p>A page records for each unit only the dependency satisfied last in that run. The same package
 * (name and version) appears in the pages of many builds, each recording another "last" edge, so
 * the union over pages recovers much of the real dependency graph of shared packages, the knowledge
 * {@code cargo metadata} would give. Pooling only reads which units unblocked which: no timing of
 * the pages enters a prediction. Validation pools the pages it predicts <em>from</em>, never the
 * pages it compares with.
 */
public final class EdgeKnowledge {
  /** user package key + "|" + role -> dependency package keys. */
  private final Map<String, Set<String>> deps;

  private EdgeKnowledge(Map<String, Set<String>> deps) {
    this.deps = deps;
  }

  /** No pooled knowledge: only the page's own edges. */
  public static EdgeKnowledge none() {
    return new EdgeKnowledge(Map.of());
  }

  /** Pools the unblocking edges of all pages. */
  public static EdgeKnowledge pool(Collection<TimingsPage> pages) {
    Map<String, Set<String>> deps = new HashMap<>();
    for (TimingsPage p : pages) {
      Map<Integer, PageUnit> byIndex = p.unitsByIndex();
      for (PageUnit dep : p.units()) {
        if (!isLibLike(dep)) {
          continue;
        }
        for (List<Integer> list : List.of(dep.unblockedUnits(), dep.unblockedRmetaUnits())) {
          for (int i : list) {
            PageUnit user = byIndex.get(i);
            String role = role(user);
            if (role != null && !key(user).equals(key(dep))) {
              deps.computeIfAbsent(key(user) + "|" + role, k -> new TreeSet<>()).add(key(dep));
            }
          }
        }
      }
    }
    return new EdgeKnowledge(deps);
  }

  /** Number of distinct pooled edges. */
  public int size() {
    return deps.values().stream().mapToInt(Set::size).sum();
  }

  /** Known dependency packages of a unit's package in the given role. */
  Set<String> depsOf(String packageKey, String role) {
    return deps.getOrDefault(packageKey + "|" + role, Set.of());
  }

  static String key(PageUnit u) {
    return u.name() + " " + u.version();
  }

  static boolean isLibLike(PageUnit u) {
    return u.kind() == PageUnit.Kind.LIB || u.kind() == PageUnit.Kind.CHECK_LIB;
  }

  /** "lib", "bin" or "script" (a build-script compile); null for script runs and others. */
  static String role(PageUnit u) {
    switch (u.kind()) {
      case LIB:
      case CHECK_LIB:
        return "lib";
      case BIN:
      case CHECK_BIN:
        return "bin";
      case BUILD_SCRIPT_COMPILE:
        return "script";
      default:
        return null;
    }
  }
}
