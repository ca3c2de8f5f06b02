package org.cratesim.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A crate described by its size instead of seconds; the cost model derives its phases.
 *
 * @param loc lines of Rust code (as tokei counts them)
 * @param macroInvocations proc-macro invocations by macro crate name (e.g. serde_derive = 150)
 * @param ownInstantiations functions the crate codegens from its own code (non-generic functions
 *     and copies of its own generics), as {@code cargo llvm-lines} counts copies; -1 = not given:
 *     the cost model derives it from the lines ({@code costs.copies_per_line})
 * @param upstreamInstantiations copies of upstream crates' generics made in this crate, by the
 *     crate that defines them (downstream monomorphisation)
 */
public record CrateSize(
    long loc,
    Map<String, Long> macroInvocations,
    long ownInstantiations,
    Map<String, Long> upstreamInstantiations) {
  public CrateSize {
    if (loc < 0 || ownInstantiations < -1) {
      throw new IllegalArgumentException("sizes must be >= 0");
    }
    macroInvocations = sorted(macroInvocations);
    upstreamInstantiations = sorted(upstreamInstantiations);
  }

  private static Map<String, Long> sorted(Map<String, Long> m) {
    Objects.requireNonNull(m);
    for (var e : m.entrySet()) {
      if (e.getValue() == null || e.getValue() < 0) {
        throw new IllegalArgumentException("count for '" + e.getKey() + "' must be >= 0");
      }
    }
    return Collections.unmodifiableMap(new TreeMap<>(m));
  }

  /** All proc-macro invocations. */
  public long totalInvocations() {
    return macroInvocations.values().stream().mapToLong(Long::longValue).sum();
  }

  /** All upstream instantiations. */
  public long totalUpstreamInstantiations() {
    return upstreamInstantiations.values().stream().mapToLong(Long::longValue).sum();
  }
}
