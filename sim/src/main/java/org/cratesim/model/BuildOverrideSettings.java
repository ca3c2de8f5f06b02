package org.cratesim.model;

import java.util.Objects;
import java.util.Optional;

/**
 * cargo's {@code [profile.*.build-override]}: the profile of units built for the host (build
 * scripts, proc macros and what only they need), cargo's own keys. An empty key is cargo's default
 * (see {@link ProfileSettings#hostOptLevel()}, {@link ProfileSettings#hostDebuginfoFor} and {@link
 * ProfileSettings#hostCodegenUnits}).
 *
 * <p>cargo's {@code Profiles::get_profile} (src/cargo/core/profiles.rs) gives a unit {@code
 * for_host} opt-level 0, no codegen-units (rustc's default) and a deferred debuginfo, then merges
 * the {@code build-override} table over that ({@code merge_toml_overrides}).
 *
 * @param optLevel "0", "1", "2", "3", "s" or "z"
 * @param debug 0 (none), 1 (line tables only) or 2 (full)
 * @param codegenUnits at least 1
 */
public record BuildOverrideSettings(
    Optional<String> optLevel, Optional<Integer> debug, Optional<Integer> codegenUnits) {
  /** No key given: cargo's defaults. */
  public static final BuildOverrideSettings NONE =
      new BuildOverrideSettings(Optional.empty(), Optional.empty(), Optional.empty());

  public BuildOverrideSettings {
    Objects.requireNonNull(optLevel);
    Objects.requireNonNull(debug);
    Objects.requireNonNull(codegenUnits);
    optLevel.ifPresent(
        o -> {
          if (!o.matches("[0-3sz]")) {
            throw new IllegalArgumentException(
                "build-override opt-level must be 0, 1, 2, 3, \"s\" or \"z\", was " + o);
          }
        });
    debug.ifPresent(
        d -> {
          if (d < 0 || d > 2) {
            throw new IllegalArgumentException("build-override debug must be 0, 1 or 2, was " + d);
          }
        });
    codegenUnits.ifPresent(
        n -> {
          if (n < 1) {
            throw new IllegalArgumentException(
                "build-override codegen-units must be >= 1, was " + n);
          }
        });
  }

  /** True when no key is given. */
  public boolean isEmpty() {
    return optLevel.isEmpty() && debug.isEmpty() && codegenUnits.isEmpty();
  }

  public BuildOverrideSettings withOptLevel(Optional<String> o) {
    return new BuildOverrideSettings(o, debug, codegenUnits);
  }

  public BuildOverrideSettings withDebug(Optional<Integer> d) {
    return new BuildOverrideSettings(optLevel, d, codegenUnits);
  }

  public BuildOverrideSettings withCodegenUnits(Optional<Integer> n) {
    return new BuildOverrideSettings(optLevel, debug, n);
  }

  /** The keys given in {@code over} replace this one's. */
  public BuildOverrideSettings merge(BuildOverrideSettings over) {
    return new BuildOverrideSettings(
        over.optLevel.or(() -> optLevel),
        over.debug.or(() -> debug),
        over.codegenUnits.or(() -> codegenUnits));
  }

  /**
   * cargo's spellings of a {@code debug} value: 0, 1, 2, true (2), false (0), "none", "limited"
   * (1), "line-tables-only" (1) or "full" (2); empty for anything else (cargo's
   * "line-directives-only" too: the model has no level between none and line tables).
   */
  public static Optional<Integer> debugLevel(Object v) {
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      long l = (long) n.doubleValue();
      return l >= 0 && l <= 2 ? Optional.of((int) l) : Optional.empty();
    }
    if (v instanceof Boolean b) {
      return Optional.of(b ? 2 : 0);
    }
    if (v instanceof String s) {
      return switch (s) {
        case "0", "none", "false" -> Optional.of(0);
        case "1", "limited", "line-tables-only" -> Optional.of(1);
        case "2", "full", "true" -> Optional.of(2);
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  /** An opt-level as cargo writes it: 0..3 (a number) or "0".."3", "s", "z"; else empty. */
  public static Optional<String> optLevelOf(Object v) {
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      long l = (long) n.doubleValue();
      return l >= 0 && l <= 3 ? Optional.of(String.valueOf(l)) : Optional.empty();
    }
    if (v instanceof String s && s.matches("[0-3sz]")) {
      return Optional.of(s);
    }
    return Optional.empty();
  }
}
