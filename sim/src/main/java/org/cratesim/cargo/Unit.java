package org.cratesim.cargo;

import java.util.Objects;
import org.cratesim.model.TargetKind;
import org.cratesim.model.UnitWork;
import org.cratesim.rustc.Invocation;

/**
 * One rustc invocation or build-script run (cargo's {@code Unit}) and its work.
 *
 * @param index position in the unit graph (cargo's {@code i} in timings)
 * @param name package name
 * @param version package version
 * @param kind target kind
 * @param mode build, check or run-custom-build
 * @param work what it does, in nanoseconds of single-threaded full-speed time
 */
public record Unit(
    int index, String name, String version, TargetKind kind, CompileMode mode, UnitWork work)
    implements Invocation {

  public Unit {
    Objects.requireNonNull(name);
    Objects.requireNonNull(version);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(mode);
    if (work.frontendNanos() < 0
        || work.codegenNanos() < 0
        || work.linkNanos() < 0
        || work.codegenUnits() < 1) {
      throw new IllegalArgumentException("bad unit costs for " + name);
    }
  }

  /** The same unit doing {@code w}. */
  public Unit withWork(UnitWork w) {
    return new Unit(index, name, version, kind, mode, w);
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

  /**
   * The package this unit's crate belongs to: an imported scenario names a second version of a
   * package {@code name@version} and a package's bin {@code name (bin target)}.
   */
  public String packageName() {
    String n = name;
    int bin = n.indexOf(" (bin ");
    if (bin > 0) {
      n = n.substring(0, bin);
    }
    String suffix = "@" + version;
    return n.endsWith(suffix) ? n.substring(0, n.length() - suffix.length()) : n;
  }
}
