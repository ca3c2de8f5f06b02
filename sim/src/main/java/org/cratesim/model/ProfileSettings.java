package org.cratesim.model;

import java.util.Objects;
import java.util.Optional;

/**
 * cargo profile knobs ({@code [profile.*]} in Cargo.toml) plus rustc flags the cost model
 * understands. Every field has a default derived from the build mode, as cargo's dev and release
 * profiles define them.
 *
 * @param optLevel "0", "1", "2", "3", "s" or "z"; empty = 0 in check/debug, 3 in release
 * @param codegenUnits override of every crate's CGU count; empty = each crate's own / default
 * @param lto cargo's lto setting; empty = thin-local (cargo's default {@code false})
 * @param shareGenerics {@code -Z share-generics}; empty = on for opt-level 0, 1, s, z
 * @param linker ld, lld or mold; empty = GNU ld for crates described by size (the cost model's link
 *     rates are GNU ld's) and, for crates given in seconds, the linker their rustc used by default
 *     ({@link Linker#defaultOf}: what they were measured with)
 * @param frontendThreads {@code -Z threads=N} (the parallel front end); 1 = serial
 * @param debuginfo 0 (none), 1 (line tables only), 2 (full); empty = 2 in debug, 0 in release
 * @param buildOverride {@code [profile.*.build-override]}: opt-level, debug and codegen-units of
 *     units built for the host (build scripts, proc macros and what only they need); a key not
 *     given is cargo's default for the build's mode and cargo release (see {@link #hostOptLevel},
 *     {@link #hostDebuginfoFor}, {@link #hostCodegenUnits})
 */
public record ProfileSettings(
    Optional<String> optLevel,
    Optional<Integer> codegenUnits,
    Optional<Lto> lto,
    Optional<Boolean> shareGenerics,
    Optional<Linker> linker,
    int frontendThreads,
    Optional<Integer> debuginfo,
    BuildOverrideSettings buildOverride) {
  public static final ProfileSettings DEFAULT =
      new ProfileSettings(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          1,
          Optional.empty(),
          BuildOverrideSettings.NONE);

  public ProfileSettings {
    Objects.requireNonNull(optLevel);
    Objects.requireNonNull(buildOverride);
    optLevel.ifPresent(
        o -> {
          if (!o.matches("[0-3sz]")) {
            throw new IllegalArgumentException(
                "opt_level must be 0, 1, 2, 3, \"s\" or \"z\", was " + o);
          }
        });
    codegenUnits.ifPresent(
        n -> {
          if (n < 1) {
            throw new IllegalArgumentException("codegen_units must be >= 1, was " + n);
          }
        });
    Objects.requireNonNull(lto);
    Objects.requireNonNull(shareGenerics);
    Objects.requireNonNull(linker);
    if (frontendThreads < 1 || frontendThreads > 256) {
      throw new IllegalArgumentException(
          "frontend_threads must be between 1 and 256, was " + frontendThreads);
    }
    debuginfo.ifPresent(
        d -> {
          if (d < 0 || d > 2) {
            throw new IllegalArgumentException("debuginfo must be 0, 1 or 2, was " + d);
          }
        });
  }

  /** The linker of crates described by size: the profile's, else GNU ld. */
  public Linker sizedLinker() {
    return linker.orElse(Linker.LD);
  }

  /**
   * The linker of crates given in seconds, measured under rustc {@code v}: the profile's, else v's.
   */
  public Linker timedLinker(CargoVersion v) {
    return linker.orElse(Linker.defaultOf(v));
  }

  /** The opt-level in effect for a mode. */
  public String optLevelFor(Mode mode) {
    return optLevel.orElse(mode == Mode.RELEASE ? "3" : "0");
  }

  /** True when LLVM optimises (opt-level other than 0). */
  public boolean optimizes(Mode mode) {
    return !optLevelFor(mode).equals("0");
  }

  /** The LTO setting in effect. */
  public Lto ltoFor(Mode mode) {
    return lto.orElse(new Lto.ThinLocal());
  }

  /** rustc's share-generics default: on for opt-level 0, 1, s, z; off for 2 and 3. */
  public boolean shareGenericsFor(Mode mode) {
    String o = optLevelFor(mode);
    return shareGenerics.orElse(!(o.equals("2") || o.equals("3")));
  }

  // ---- units built for the host: cargo's Profiles::get_profile (src/cargo/core/profiles.rs) ----
  // for a unit for_host sets opt-level "0", codegen-units None and a deferred debuginfo, then
  // merges [profile.*.build-override] over them (merge_toml_overrides). cratesim gives these
  // settings to units built for the host only; a unit shared by host and target keeps the
  // profile's (cargo's rule, see cargo.UnitGraphBuilder).

  /**
   * The opt-level of units built for the host: the build-override's, else 0 in every mode (cargo
   * 1.47, PR #8500; every cargo cratesim reads is later).
   */
  public String hostOptLevel() {
    return buildOverride.optLevel().orElse("0");
  }

  /** True when LLVM optimises units built for the host. */
  public boolean hostOptimizes() {
    return !hostOptLevel().equals("0");
  }

  /**
   * The debuginfo of units built for the host: the build-override's, else cargo's default for
   * {@code cargo}: none in release (cargo's release build-override) and from cargo 1.69 (PR
   * #11252), the profile's before.
   */
  public int hostDebuginfoFor(Mode mode, CargoVersion cargo) {
    if (buildOverride.debug().isPresent()) {
      return buildOverride.debug().get();
    }
    return mode == Mode.RELEASE || cargo.atLeast(CargoVersion.HOST_WITHOUT_DEBUGINFO)
        ? 0
        : debuginfoFor(mode);
  }

  /**
   * The CGUs of a unit built for the host: the build-override's, else {@code dflt} (cargo passes no
   * -C codegen-units: cargo's documentation states 256 for the build-override; what the caller
   * passes is cratesim's choice, see cargo.UnitGraphBuilder).
   */
  public int hostCodegenUnits(int dflt) {
    return buildOverride.codegenUnits().orElse(dflt);
  }

  public ProfileSettings withBuildOverride(BuildOverrideSettings b) {
    return new ProfileSettings(
        optLevel, codegenUnits, lto, shareGenerics, linker, frontendThreads, debuginfo, b);
  }

  public ProfileSettings withOptLevel(Optional<String> o) {
    return new ProfileSettings(
        o, codegenUnits, lto, shareGenerics, linker, frontendThreads, debuginfo, buildOverride);
  }

  public ProfileSettings withCodegenUnits(Optional<Integer> n) {
    return new ProfileSettings(
        optLevel, n, lto, shareGenerics, linker, frontendThreads, debuginfo, buildOverride);
  }

  public ProfileSettings withLto(Optional<Lto> l) {
    return new ProfileSettings(
        optLevel,
        codegenUnits,
        l,
        shareGenerics,
        linker,
        frontendThreads,
        debuginfo,
        buildOverride);
  }

  public ProfileSettings withShareGenerics(Optional<Boolean> g) {
    return new ProfileSettings(
        optLevel, codegenUnits, lto, g, linker, frontendThreads, debuginfo, buildOverride);
  }

  public ProfileSettings withLinker(Optional<Linker> l) {
    return new ProfileSettings(
        optLevel, codegenUnits, lto, shareGenerics, l, frontendThreads, debuginfo, buildOverride);
  }

  public ProfileSettings withFrontendThreads(int n) {
    return new ProfileSettings(
        optLevel, codegenUnits, lto, shareGenerics, linker, n, debuginfo, buildOverride);
  }

  public ProfileSettings withDebuginfo(Optional<Integer> d) {
    return new ProfileSettings(
        optLevel, codegenUnits, lto, shareGenerics, linker, frontendThreads, d, buildOverride);
  }

  /** The debuginfo level in effect: cargo's dev profile has full debuginfo, release none. */
  public int debuginfoFor(Mode mode) {
    return debuginfo.orElse(mode == Mode.RELEASE ? 0 : 2);
  }
}
