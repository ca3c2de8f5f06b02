package org.cratesim.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.ChainLink;
import org.cratesim.cargo.CompileMode;
import org.cratesim.cargo.Unit;
import org.cratesim.cargo.UnitData;
import org.cratesim.timings.PageUnit;
import org.cratesim.timings.TimingsPage;

/**
 * One build's units as the HTML views and the trace export draw them, in seconds, whether the build
 * was simulated ({@link BuildResult}) or measured (a cargo {@code --timings} page): what cargo's
 * {@code UnitData} holds (src/cargo/core/compiler/timings/report.rs), with the simulated critical
 * path and the key that pairs a unit with the same unit of another build.
 *
 * @param title what the build is, e.g. "measured (-j1)" or "predicted (-j4)"
 * @param jobs cargo's -j
 * @param wallSeconds the build's wall time
 * @param bars the units, in cargo's order (by start, then index)
 */
public record Timeline(String title, int jobs, double wallSeconds, List<Bar> bars) {
  public Timeline {
    bars = List.copyOf(bars);
  }

  /** A phase of a unit, seconds relative to the unit's start. */
  public record Phase(String name, double start, double end) {}

  /**
   * One unit.
   *
   * @param index cargo's unit index (the page's {@code i}, the simulated unit's index)
   * @param key the same unit in another build of the same graph has the same key
   * @param name the package name as cargo writes it
   * @param version the package version
   * @param target cargo's target string ({@code ""}, {@code " build-script (run)"}, ...)
   * @param mode cargo's mode ({@code build}, {@code check}, {@code run-custom-build}, or the
   *     page's)
   * @param start seconds since the build started
   * @param duration seconds the unit ran
   * @param phases its sections, in order (empty when the page has none)
   * @param unblocked indices of the units that became ready when it finished
   * @param unblockedRmeta indices of the units that became ready at its .rmeta
   * @param rmeta seconds after its start when its .rmeta was emitted, or -1
   * @param features activated features, when known
   * @param fresh whether cargo ran it as a fresh job
   * @param critical whether it is on the simulated critical path
   */
  public record Bar(
      int index,
      String key,
      String name,
      String version,
      String target,
      String mode,
      double start,
      double duration,
      List<Phase> phases,
      List<Integer> unblocked,
      List<Integer> unblockedRmeta,
      double rmeta,
      List<String> features,
      boolean fresh,
      boolean critical) {
    public Bar {
      phases = List.copyOf(phases);
      unblocked = List.copyOf(unblocked);
      unblockedRmeta = List.copyOf(unblockedRmeta);
      features = List.copyOf(features);
    }

    public double end() {
      return start + duration;
    }

    /** cargo's label: the name and the target ({@code serde build-script (run)}). */
    public String label() {
      return name + target;
    }

    /** Whether this unit runs a build script. */
    public boolean isScriptRun() {
      return target.endsWith("(run)") || mode.equals(PageUnit.MODE_RUN_CUSTOM_BUILD);
    }
  }

  /** The bars by their cargo index. */
  public Map<Integer, Bar> byIndex() {
    Map<Integer, Bar> m = new HashMap<>();
    for (Bar b : bars) {
      m.put(b.index(), b);
    }
    return m;
  }

  /** A simulated build; {@code fresh} says which units cargo ran as fresh jobs. */
  public static Timeline of(String title, BuildResult r, Predicate<Unit> fresh) {
    Set<Integer> critical = new HashSet<>();
    for (ChainLink l : r.criticalChain()) {
      if (l.unit() >= 0) {
        critical.add(l.unit());
      }
    }
    List<UnitData> order = new ArrayList<>(r.units());
    order.sort(
        (a, b) ->
            a.startNanos() != b.startNanos()
                ? Long.compare(a.startNanos(), b.startNanos())
                : Integer.compare(a.unit().index(), b.unit().index()));
    Keys keys = new Keys();
    List<Bar> bars = new ArrayList<>();
    for (UnitData u : order) {
      Unit unit = u.unit();
      List<Phase> phases = new ArrayList<>();
      if (u.durationNanos() > 0) {
        for (Section s : Section.of(u)) {
          phases.add(new Phase(s.name(), s.startNanos() / 1e9, s.endNanos() / 1e9));
        }
      }
      bars.add(
          new Bar(
              unit.index(),
              keys.next(simKey(unit)),
              unit.name(),
              unit.version(),
              unit.target(),
              unit.mode().id(),
              u.startNanos() / 1e9,
              u.durationNanos() / 1e9,
              phases,
              u.unblockedUnits(),
              u.unblockedRmetaUnits(),
              u.rmetaNanos() < 0 ? -1 : u.rmetaNanos() / 1e9,
              List.of(),
              fresh.test(unit),
              critical.contains(unit.index())));
    }
    return new Timeline(title, r.jobs(), r.wallNanos() / 1e9, bars);
  }

  /** A measured build: the units of a cargo {@code --timings} page (cargo counts no freshness). */
  public static Timeline of(String title, TimingsPage p) {
    Keys keys = new Keys();
    List<Bar> bars = new ArrayList<>();
    for (PageUnit u : p.units()) {
      List<Phase> phases = new ArrayList<>();
      if (u.duration() > 0) {
        if (!u.sections().isEmpty()) {
          u.sections().forEach((k, v) -> phases.add(new Phase(k, v[0], v[1])));
        } else if (u.kind() == PageUnit.Kind.BUILD_SCRIPT_RUN) {
          phases.add(new Phase("run", 0, u.duration()));
        } else if (u.rmetaTime() != null) {
          phases.add(new Phase("frontend", 0, u.rmetaTime()));
          phases.add(new Phase("codegen", u.rmetaTime(), u.duration()));
        } else {
          phases.add(new Phase("frontend", 0, u.duration()));
        }
      }
      bars.add(
          new Bar(
              u.i(),
              keys.next(pageKey(u)),
              u.name(),
              u.version(),
              u.target(),
              u.mode(),
              u.start(),
              u.duration(),
              phases,
              u.unblockedUnits(),
              u.unblockedRmetaUnits(),
              u.rmetaTime() == null ? -1 : u.rmetaTime(),
              u.features(),
              false,
              false));
    }
    return new Timeline(title, p.jobs(), p.totalSeconds(), bars);
  }

  /**
   * The pairing key of a simulated unit: package, version and what it builds (the importer names a
   * second version {@code name@version} and a package's bin {@code name (bin x)}; see {@link
   * Unit#packageName()}).
   */
  static String simKey(Unit u) {
    String cls;
    switch (u.kind()) {
      case LIB:
        cls = u.mode() == CompileMode.CHECK ? "check" : "lib";
        break;
      case PROC_MACRO:
        cls = "lib";
        break;
      case BIN:
        cls = "bin";
        break;
      case BUILD_SCRIPT_COMPILE:
        cls = "script";
        break;
      case BUILD_SCRIPT_RUN:
        cls = "run";
        break;
      default:
        throw new AssertionError(u.kind());
    }
    return u.packageName() + " " + u.version() + " " + cls;
  }

  static String pageKey(PageUnit u) {
    String cls;
    switch (u.kind()) {
      case CHECK_LIB:
        cls = "check";
        break;
      case BIN:
      case CHECK_BIN:
        cls = "bin";
        break;
      case BUILD_SCRIPT_COMPILE:
        cls = "script";
        break;
      case BUILD_SCRIPT_RUN:
        cls = "run";
        break;
      default:
        cls = "lib";
    }
    return u.name() + " " + u.version() + " " + cls;
  }

  /** Keys made unique in order: the second unit with the same key gets "#2". */
  private static final class Keys {
    private final Map<String, Integer> seen = new HashMap<>();

    String next(String key) {
      int n = seen.merge(key, 1, Integer::sum);
      return n == 1 ? key : key + " #" + n;
    }
  }
}
