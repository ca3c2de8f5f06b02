package org.cratesim.cargo;

import java.util.Objects;
import org.cratesim.rustc.Invocation;
import org.cratesim.model.TargetKind;

/**
 * One rustc invocation or build-script run (cargo's {@code Unit}), with its work in nanoseconds
 * of single-threaded full-speed time.
 *
 * @param index position in the unit graph (cargo's {@code i} in timings)
 * @param name package name
 * @param version package version
 * @param kind target kind
 * @param mode build, check or run-custom-build
 * @param frontendNanos serial front end (for a build-script run: the run time)
 * @param codegenNanos total codegen work (0 for check units and script runs)
 * @param codegenUnits number of CGUs
 * @param linkNanos serial link after codegen
 * @param codegenSerialNanos the part of codegen on rustc's main thread before and while it
 *     translates CGUs, or -1 to use the rustc settings' serial share
 * @param ltoNanos parallel LTO work after every CGU is optimised (a barrier), or -1 for the rustc
 *     settings' thin-local rule
 * @param parallelCodegenFactor for units given in seconds: the share of their parallel codegen
 *     that is done (below 1 when the unit stops at bitcode for a cross-crate LTO)
 */
public record Unit(
    int index,
    String name,
    String version,
    TargetKind kind,
    CompileMode mode,
    long frontendNanos,
    long codegenNanos,
    int codegenUnits,
    long linkNanos,
    long codegenSerialNanos,
    long ltoNanos,
    double parallelCodegenFactor) implements Invocation {

  /** A unit whose codegen split follows the rustc settings. */
  public Unit(int index, String name, String version, TargetKind kind, CompileMode mode,
      long frontendNanos, long codegenNanos, int codegenUnits, long linkNanos) {
    this(index, name, version, kind, mode, frontendNanos, codegenNanos, codegenUnits, linkNanos,
        -1, -1, 1.0);
  }

  public Unit {
    Objects.requireNonNull(name);
    Objects.requireNonNull(version);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(mode);
    if (frontendNanos < 0 || codegenNanos < 0 || linkNanos < 0 || codegenUnits < 1) {
      throw new IllegalArgumentException("bad unit costs for " + name);
    }
  }

  /** cargo: a synchronisation point that waits for the full output of all transitive deps. */
  public boolean requiresUpstreamObjects() {
    return kind.requiresUpstreamObjects();
  }

  @Override
  public boolean isScriptRun() {
    return kind == TargetKind.BUILD_SCRIPT_RUN;
  }

  @Override
  public boolean stopsAfterFrontend() {
    return mode == CompileMode.CHECK;
  }

  /**
   * True when rustc emits {@code .rmeta} before finishing and cargo unblocks Metadata edges on it
   * (a lib built in Build mode: {@code --emit=dep-info,metadata,link}).
   */
  @Override
  public boolean emitsMetadataEarly() {
    return kind == TargetKind.LIB && mode == CompileMode.BUILD;
  }

  /** Total single-threaded work. */
  public long workNanos() {
    return frontendNanos + codegenNanos + linkNanos + Math.max(0, ltoNanos);
  }

  /** cargo's timings {@code target} string for this unit. */
  public String target() {
    switch (kind) {
      case LIB:
        return mode == CompileMode.CHECK ? " (check)" : "";
      case PROC_MACRO:
        return " proc-macro";
      case BIN:
        return " bin \"" + name + "\"" + (mode == CompileMode.CHECK ? " (check)" : "");
      case BUILD_SCRIPT_COMPILE:
        return " build-script";
      case BUILD_SCRIPT_RUN:
        return " build-script (run)";
      default:
        throw new AssertionError(kind);
    }
  }

  /** "name v0.1.0 (target)" for messages. */
  public String label() {
    String t = target().trim();
    return t.isEmpty() ? name : name + " " + t;
  }
}
